"""SSDA903 rule 112 (error): Date should be placed for adoption is not a valid date.

Flags AD1 rows whose DATE_INT is written but is not a real dd/mm/yyyy date. A blank value
passes.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import date_invalid, rows

CODE = "112"
MESSAGE = "Date should be placed for adoption is not a valid date."


def check(submission: Submission) -> pl.DataFrame:
    """AD1 rows whose DATE_INT is not a valid date."""
    return rows(submission, "AD1", date_invalid("DATE_INT", blank_ok=True))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DATE_INT",),
    tables=("AD1",),
    type="error",
    check=check,
)
