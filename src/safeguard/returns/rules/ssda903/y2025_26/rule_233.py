"""SSDA903 rule 233 (error): Reason for placement change is not required when the episode has not ceased.

Flags an open episode (no date ceased) that records a reason for placement change.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "233"
MESSAGE = "Reason for placement change is not required when the episode has not ceased."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        pl.col("DEC__text").is_null() & pl.col("REASON_PLACE_CHANGE").is_not_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("REASON_PLACE_CHANGE",),
    tables=("Episodes",),
    type="error",
    check=check,
)
