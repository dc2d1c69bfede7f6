"""SSDA903 rule SW08STG2 (error): A new social worker episode has started, but the previous episode has not ended.

Flags a social worker episode with no end date that is not the child's latest (by start date;
episodes are held in child and start-date order).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import following, rows

CODE = "SW08STG2"
MESSAGE = "A new social worker episode has started, but the previous episode has not ended."


def check(submission: Submission) -> pl.DataFrame:
    """The SWEpisodes rows this rule flags."""
    return rows(
        submission,
        "SWEpisodes",
        pl.col("SW_DECOM").is_not_null()
        & following("SW_DECOM").is_not_null()
        & pl.col("SW_DEC__text").is_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SW_DEC",),
    tables=("SWEpisodes",),
    type="error",
    check=check,
)
