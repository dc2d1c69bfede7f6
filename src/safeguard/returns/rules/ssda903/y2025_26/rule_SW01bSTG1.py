"""SSDA903 rule SW01bSTG1 (error): For each social worker episode, information should be complete

Flags a social worker episode with no valid start date, or starting on or after 1 April 2023
without a social worker ID or a reason.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "SW01bSTG1"
MESSAGE = "For each social worker episode, information should be complete"


CHANGE = date(2023, 4, 1)


def check(submission: Submission) -> pl.DataFrame:
    """The SWEpisodes rows this rule flags."""
    return rows(
        submission,
        "SWEpisodes",
        pl.col("SW_DECOM").is_null()
        | (
            (pl.col("SW_DECOM") >= pl.lit(CHANGE))
            & (pl.col("SW_ID").is_null() | pl.col("SW_REASON").is_null())
        ),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SW_DECOM", "SW_ID", "SW_REASON"),
    tables=("SWEpisodes",),
    type="error",
    check=check,
)
