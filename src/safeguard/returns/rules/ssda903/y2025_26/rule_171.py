"""SSDA903 rule 171 (error): Date of birth of mother's child is not a valid date.

Flags Header rows whose MC_DOB is written but is not a real dd/mm/yyyy date. A blank value
passes.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import date_invalid, rows

CODE = "171"
MESSAGE = "Date of birth of mother's child is not a valid date."


def check(submission: Submission) -> pl.DataFrame:
    """Header rows whose MC_DOB is not a valid date."""
    return rows(submission, "Header", date_invalid("MC_DOB", blank_ok=True))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("MC_DOB",),
    tables=("Header",),
    type="error",
    check=check,
)
