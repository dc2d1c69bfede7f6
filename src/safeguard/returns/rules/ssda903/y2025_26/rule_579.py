"""SSDA903 rule 579 (error): A new decision that the child should be placed for adoption this year cannot start when the previous decision is still open. Decisions to place the child for adoption should also not overlap. The date of any new decision to place the child for adoption must not be before the date placed ceased of previous decisions.

Flags a decision to place for adoption made while the same child's previous decision (by
DATE_PLACED; the table is held in child and date order) was still open, or before that decision
ceased.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import previous, rows

CODE = "579"
MESSAGE = "A new decision that the child should be placed for adoption this year cannot start when the previous decision is still open. Decisions to place the child for adoption should also not overlap. The date of any new decision to place the child for adoption must not be before the date placed ceased of previous decisions."


def check(submission: Submission) -> pl.DataFrame:
    """The PlacedAdoption rows this rule flags."""
    return rows(
        submission,
        "PlacedAdoption",
        pl.col("DATE_PLACED").is_not_null()
        & previous("DATE_PLACED").is_not_null()
        & (
            previous("DATE_PLACED_CEASED__text").is_null()
            | (pl.col("DATE_PLACED") < previous("DATE_PLACED_CEASED"))
        ),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DATE_PLACED", "DATE_PLACED_CEASED"),
    tables=("PlacedAdoption",),
    type="error",
    check=check,
)
