"""SSDA903 rule 166 (error): Date of review is invalid or blank.

Flags Reviews rows whose REVIEW is written but is not a real dd/mm/yyyy date, or is blank.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import date_invalid, rows

CODE = "166"
MESSAGE = "Date of review is invalid or blank."


def check(submission: Submission) -> pl.DataFrame:
    """Reviews rows whose REVIEW is not a valid date or is blank."""
    return rows(submission, "Reviews", date_invalid("REVIEW", blank_ok=False))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("REVIEW",),
    tables=("Reviews",),
    type="error",
    check=check,
)
