"""SSDA903 rule 379 (error): Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.

Flags a temporary placement of seven days or less (T4) lasting more than seven days, by its
start and end dates (an open episode is not flagged).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "379"
MESSAGE = (
    "Temporary placements for unspecified reason (placement code T4) cannot exceed seven days."
)


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        (pl.col("PLACE") == "T4") & (pl.col("DEC") - pl.col("DECOM") > pl.duration(days=7)),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DECOM", "PLACE"),
    tables=("Episodes",),
    type="error",
    check=check,
)
