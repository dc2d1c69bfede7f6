"""SSDA903 rule 700 (error): The start date of the DoLO is not a valid date.

Flags DoLo rows whose DOLO_START is blank or not a real dd/mm/yyyy date.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import date_invalid, rows

CODE = "700"
MESSAGE = "The start date of the DoLO is not a valid date."


def check(submission: Submission) -> pl.DataFrame:
    """DoLo rows whose DOLO_START is blank or not a valid date."""
    return rows(submission, "DoLo", date_invalid("DOLO_START", blank_ok=False))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOLO_START",),
    tables=("DoLo",),
    type="error",
    check=check,
)
