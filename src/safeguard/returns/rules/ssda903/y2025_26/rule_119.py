"""SSDA903 rule 119 (error): If the decision is made that a child should no longer be placed for adoption, then the date of this decision and the reason why this decision was made must be completed.

Flags a PlacedAdoption row with a date the decision ceased but no reason, or a reason but no
date.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "119"
MESSAGE = "If the decision is made that a child should no longer be placed for adoption, then the date of this decision and the reason why this decision was made must be completed."


def check(submission: Submission) -> pl.DataFrame:
    """The PlacedAdoption rows this rule flags."""
    return rows(
        submission,
        "PlacedAdoption",
        pl.col("DATE_PLACED_CEASED__text").is_null() != pl.col("REASON_PLACED_CEASED").is_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("REASON_PLACED_CEASED", "DATE_PLACED_CEASED"),
    tables=("PlacedAdoption",),
    type="error",
    check=check,
)
