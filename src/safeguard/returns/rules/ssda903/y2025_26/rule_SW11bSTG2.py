"""SSDA903 rule SW11bSTG2 (error): Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.

Flags a child's latest social worker episode (by start date) when it ended before 31 March at
the end of the collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, year_end
from safeguard.returns.ssda903.expressions import following, rows

CODE = "SW11bSTG2"
MESSAGE = "Social worker episode has ended before 31 March and no subsequent social worker episode has been provided."


def check(submission: Submission) -> pl.DataFrame:
    """The SWEpisodes rows this rule flags."""
    return rows(
        submission,
        "SWEpisodes",
        pl.col("SW_DECOM").is_not_null()
        & following("SW_DECOM").is_null()
        & (pl.col("SW_DEC") < pl.lit(year_end(submission.year))),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SW_DEC",),
    tables=("SWEpisodes",),
    type="error",
    check=check,
)
