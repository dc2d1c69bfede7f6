"""SSDA903 rule 584 (error): Date of decision that the child should be placed for adoption this year is different from that recorded last year, but the decision to placed the child for adoption changed and the child should no longer be placed for adoption.

Flags this year's PlacedAdoption rows for a child whose decision ceased last year (last year's
DATE_PLACED given, with DATE_PLACED_CEASED or REASON_PLACED_CEASED given) unless this year's
DATE_PLACED is a date after last year's: a new decision must be dated after the old one.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import placed_adoption_with_last_year

CODE = "584"
MESSAGE = "Date of decision that the child should be placed for adoption this year is different from that recorded last year, but the decision to placed the child for adoption changed and the child should no longer be placed for adoption."


def check(submission: Submission) -> pl.DataFrame:
    """PlacedAdoption rows not dated after last year's ceased decision."""
    ceased_last_year = pl.col("DATE_PLACED_LAST").is_not_null() & (
        pl.col("CEASED_LAST_TEXT").is_not_null() | pl.col("REASON_LAST").is_not_null()
    )
    later = (pl.col("DATE_PLACED") > pl.col("DATE_PLACED_LAST")).fill_null(value=False)
    return flagged(
        placed_adoption_with_last_year(submission)
        .filter(ceased_last_year & ~later)
        .unique("ROW", maintain_order=True),
        "PlacedAdoption",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DATE_PLACED",),
    tables=("PlacedAdoption", "PlacedAdoption_last"),
    type="error",
    check=check,
)
