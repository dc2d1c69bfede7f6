"""SSDA903 rule 586 (error): Dates of missing periods are before child’s date of birth.

Flags a Missing row whose start date is before the date of birth on the same row.
"""

# ruff: noqa: RUF001, RUF002  (the DfE message uses a typographic apostrophe, kept exactly)
from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "586"
MESSAGE = "Dates of missing periods are before child’s date of birth."


def check(submission: Submission) -> pl.DataFrame:
    """The Missing rows this rule flags."""
    return rows(
        submission,
        "Missing",
        pl.col("MIS_START") < pl.col("DOB"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("MIS_START",),
    tables=("Missing",),
    type="error",
    check=check,
)
