"""SSDA903 rule 563 (error): The child should no longer be placed for adoption but the date of the decision that the child should be placed for adoption is blank

Flags a PlacedAdoption row with a reason and date the decision ceased but no date of the
decision.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "563"
MESSAGE = "The child should no longer be placed for adoption but the date of the decision that the child should be placed for adoption is blank"


def check(submission: Submission) -> pl.DataFrame:
    """The PlacedAdoption rows this rule flags."""
    return rows(
        submission,
        "PlacedAdoption",
        pl.col("REASON_PLACED_CEASED").is_not_null()
        & pl.col("DATE_PLACED_CEASED__text").is_not_null()
        & pl.col("DATE_PLACED__text").is_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DATE_PLACED", "REASON_PLACED_CEASED", "DATE_PLACED_CEASED"),
    tables=("PlacedAdoption",),
    type="error",
    check=check,
)
