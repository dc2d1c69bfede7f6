"""SSDA903 rule 701 (error): The end date of the DoLO is not a valid date.

Flags DoLo rows whose DOLO_END is written but is not a real dd/mm/yyyy date. A blank
value (a DoLO still in force) passes.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import date_invalid, rows

CODE = "701"
MESSAGE = "The end date of the DoLO is not a valid date."


def check(submission: Submission) -> pl.DataFrame:
    """DoLo rows whose DOLO_END is written but not a valid date."""
    return rows(submission, "DoLo", date_invalid("DOLO_END", blank_ok=True))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOLO_END",),
    tables=("DoLo",),
    type="error",
    check=check,
)
