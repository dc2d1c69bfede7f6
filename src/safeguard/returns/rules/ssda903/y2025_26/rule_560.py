"""SSDA903 rule 560 (error): Date of decision that the child should be placed for adoption this year is different from that recorded last year but the decision to place the child for adoption did not change.

Flags this year's PlacedAdoption rows for a child whose decision to place for adoption was still in
force at the end of last year (last year's DATE_PLACED given, DATE_PLACED_CEASED blank) when this
year's DATE_PLACED is a different date (or blank or not a date).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import placed_adoption_with_last_year

CODE = "560"
MESSAGE = "Date of decision that the child should be placed for adoption this year is different from that recorded last year but the decision to place the child for adoption did not change."


def check(submission: Submission) -> pl.DataFrame:
    """PlacedAdoption rows changing a decision date that did not change."""
    still_in_force = (
        pl.col("DATE_PLACED_LAST_TEXT").is_not_null() & pl.col("CEASED_LAST_TEXT").is_null()
    )
    differs = pl.col("DATE_PLACED").ne_missing(pl.col("DATE_PLACED_LAST"))
    return flagged(
        placed_adoption_with_last_year(submission)
        .filter(still_in_force & differs)
        .unique("ROW", maintain_order=True),
        "PlacedAdoption",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DATE_PLACED", "DATE_PLACED_CEASED"),
    tables=("PlacedAdoption", "PlacedAdoption_last"),
    type="error",
    check=check,
)
