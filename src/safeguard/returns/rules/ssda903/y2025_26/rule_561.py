"""SSDA903 rule 561 (error): Date of the decision that the child should be placed for adoption this year is the same as that recorded last year but records show that the decision changed, and the child should no longer be placed for adoption last year.

Flags this year's PlacedAdoption rows whose DATE_PLACED equals the same child's DATE_PLACED last
year when last year's row records that the decision ceased (DATE_PLACED_CEASED or
REASON_PLACED_CEASED given): a new decision this year has a new date.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import placed_adoption_with_last_year

CODE = "561"
MESSAGE = "Date of the decision that the child should be placed for adoption this year is the same as that recorded last year but records show that the decision changed, and the child should no longer be placed for adoption last year."


def check(submission: Submission) -> pl.DataFrame:
    """PlacedAdoption rows repeating last year's date of a decision that ceased."""
    ceased_last_year = (
        pl.col("CEASED_LAST_TEXT").is_not_null() | pl.col("REASON_LAST").is_not_null()
    )
    same = pl.col("DATE_PLACED") == pl.col("DATE_PLACED_LAST")
    return flagged(
        placed_adoption_with_last_year(submission)
        .filter(ceased_last_year & same)
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
