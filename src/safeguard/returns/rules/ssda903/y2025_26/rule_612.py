"""SSDA903 rule 612 (error): Date of birth field has been completed but mother field indicates child is not a mother.

Flags a Header row for a girl (SEX F) with a mother's child's date of birth written but MOTHER 0
or blank.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "612"
MESSAGE = "Date of birth field has been completed but mother field indicates child is not a mother."


def check(submission: Submission) -> pl.DataFrame:
    """The Header rows this rule flags."""
    return rows(
        submission,
        "Header",
        (pl.col("MOTHER").is_null() | (pl.col("MOTHER") == "0"))
        & (pl.col("SEX") == "F")
        & pl.col("MC_DOB__text").is_not_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SEX", "MOTHER", "MC_DOB"),
    tables=("Header",),
    type="error",
    check=check,
)
