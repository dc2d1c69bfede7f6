"""SSDA903 rule 583 (error): More than one date the child should be placed for adoption has been reported, but an earlier decision has not been revoked. Check that both dates are required and add in the date the earlier decision was revoked. Note this may be in a previous year.

Flags a decision to place for adoption that follows an earlier decision for the same child (by
DATE_PLACED; the table is held in child and date order) which was never revoked (no
DATE_PLACED_CEASED).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import previous, rows

CODE = "583"
MESSAGE = "More than one date the child should be placed for adoption has been reported, but an earlier decision has not been revoked. Check that both dates are required and add in the date the earlier decision was revoked. Note this may be in a previous year."


def check(submission: Submission) -> pl.DataFrame:
    """The PlacedAdoption rows this rule flags."""
    return rows(
        submission,
        "PlacedAdoption",
        pl.col("DATE_PLACED").is_not_null()
        & previous("DATE_PLACED").is_not_null()
        & previous("DATE_PLACED_CEASED__text").is_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DATE_PLACED", "DATE_PLACED_CEASED"),
    tables=("PlacedAdoption",),
    type="error",
    check=check,
)
