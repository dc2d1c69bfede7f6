"""SSDA903 rule 102 (error): Date of birth is not a valid date.

Flags Header rows whose DOB is written but is not a real dd/mm/yyyy date, or is blank.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import date_invalid, rows

CODE = "102"
MESSAGE = "Date of birth is not a valid date."


def check(submission: Submission) -> pl.DataFrame:
    """Header rows whose DOB is not a valid date or is blank."""
    return rows(submission, "Header", date_invalid("DOB", blank_ok=False))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOB",),
    tables=("Header",),
    type="error",
    check=check,
)
