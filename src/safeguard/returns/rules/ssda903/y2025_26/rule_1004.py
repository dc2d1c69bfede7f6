"""SSDA903 rule 1004 (error): The start date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.

Flags Missing rows whose MIS_START is written but is not a real dd/mm/yyyy date, or is blank.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import date_invalid, rows

CODE = "1004"
MESSAGE = "The start date of the missing episode or episode that the child was away from placement without authorisation is not a valid date."


def check(submission: Submission) -> pl.DataFrame:
    """Missing rows whose MIS_START is not a valid date or is blank."""
    return rows(submission, "Missing", date_invalid("MIS_START", blank_ok=False))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("MIS_START",),
    tables=("Missing",),
    type="error",
    check=check,
)
