"""SSDA903 rule 116 (error): Date of Local Authority's (LA) decision that a child should no longer be placed for adoption is not a valid date.

Flags PlacedAdoption rows whose DATE_PLACED_CEASED is written but is not a real dd/mm/yyyy date.
A blank value passes.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import date_invalid, rows

CODE = "116"
MESSAGE = "Date of Local Authority's (LA) decision that a child should no longer be placed for adoption is not a valid date."


def check(submission: Submission) -> pl.DataFrame:
    """PlacedAdoption rows whose DATE_PLACED_CEASED is not a valid date."""
    return rows(submission, "PlacedAdoption", date_invalid("DATE_PLACED_CEASED", blank_ok=True))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DATE_PLACED_CEASED",),
    tables=("PlacedAdoption",),
    type="error",
    check=check,
)
