"""SSDA903 rule SW11bSTG2 (error): Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.

Flags the latest social worker episode (by start date) of a child looked after at 31 March when
it ended before 31 March at the end of the collection year.

Only children looked after at 31 March are checked (`looked_after_at_year_end`: an episode other
than a short break open at 31 March; one that ceased on 31 March is closed). A subsequent social
worker episode is only owed to a child still looked after at the year end: a child who left care
during the year rightly has a last social worker episode ending around the day care ended, and
the sibling rule SW12STG2 states the scope ("If a child is looked after on 31 March then all
social worker episodes for the full previous year should be reported"). The public validator
(csc-validator-be-903 `rule_SW11bSTG2.py`) does not follow the message either way: it flags only
an episode ending in the five days before 31 March with no episode after it.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_end
from safeguard.returns.ssda903.expressions import following, looked_after_at_year_end

CODE = "SW11bSTG2"
MESSAGE = "Social worker episode has ended before 31 March and no subsequent social worker episode has been provided."


def check(submission: Submission) -> pl.DataFrame:
    """The SWEpisodes rows this rule flags."""
    # `following` reads the next row, so the latest episode is found before any join.
    ended_early = (
        submission.tables["SWEpisodes"]
        .lazy()
        .filter(
            pl.col("SW_DECOM").is_not_null()
            & following("SW_DECOM").is_null()
            & (pl.col("SW_DEC") < pl.lit(year_end(submission.year)))
        )
    )
    looked_after = looked_after_at_year_end(submission)
    return flagged(ended_early.join(looked_after, on="CHILD", how="semi"), "SWEpisodes")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SW_DEC",),
    tables=("SWEpisodes", "Episodes"),
    type="error",
    check=check,
)
