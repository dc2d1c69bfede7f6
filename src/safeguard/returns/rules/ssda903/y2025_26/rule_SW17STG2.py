"""SSDA903 rule SW17STG2 (error): There is no social worker episode open at 31 March

Flags a child's latest social worker episode (by start date) when it has an end date, so no
episode is open at 31 March.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import following, rows

CODE = "SW17STG2"
MESSAGE = "There is no social worker episode open at 31 March"


def check(submission: Submission) -> pl.DataFrame:
    """The SWEpisodes rows this rule flags."""
    return rows(
        submission,
        "SWEpisodes",
        pl.col("SW_DECOM").is_not_null()
        & following("SW_DECOM").is_null()
        & pl.col("SW_DEC__text").is_not_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SW_DEC", "SW_DECOM"),
    tables=("SWEpisodes",),
    type="error",
    check=check,
)
