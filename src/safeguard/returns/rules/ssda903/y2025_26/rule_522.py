"""SSDA903 rule 522 (error): Date of decision that the child should be placed for adoption must be on or before the date that a child should no longer be placed for adoption.

Flags a PlacedAdoption row whose decision date is after the date the decision ceased (both valid
dates).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "522"
MESSAGE = "Date of decision that the child should be placed for adoption must be on or before the date that a child should no longer be placed for adoption."


def check(submission: Submission) -> pl.DataFrame:
    """The PlacedAdoption rows this rule flags."""
    return rows(
        submission,
        "PlacedAdoption",
        pl.col("DATE_PLACED") > pl.col("DATE_PLACED_CEASED"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DATE_PLACED", "DATE_PLACED_CEASED"),
    tables=("PlacedAdoption",),
    type="error",
    check=check,
)
