"""SSDA903 rule SW17STG2 (error): There is no social worker episode open at 31 March

Flags the latest social worker episode (by start date) of a child looked after at 31 March when
that episode has an end date, so no social worker episode is open at 31 March.

Only children looked after at 31 March are checked (`looked_after_at_year_end`: an episode other
than a short break open at 31 March; one that ceased on 31 March is closed). The DfE's message
asks for an episode open at 31 March, which only a child still looked after then can have: the
return's social worker episodes are those of looked-after children, and a child who left care
during the year rightly has a last social worker episode that ended. The sibling rule SW12STG2
says the same scope in its message ("If a child is looked after on 31 March then all social
worker episodes for the full previous year should be reported"). The public validator
(csc-validator-be-903 `rule_SW17STG2.py`) flags every child's latest episode with an end date,
looked after at 31 March or not, which flags every child who left care in the year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import following, looked_after_at_year_end

CODE = "SW17STG2"
MESSAGE = "There is no social worker episode open at 31 March"


def check(submission: Submission) -> pl.DataFrame:
    """The SWEpisodes rows this rule flags."""
    # `following` reads the next row, so the latest episode is found before any join.
    ended_last = (
        submission.tables["SWEpisodes"]
        .lazy()
        .filter(
            pl.col("SW_DECOM").is_not_null()
            & following("SW_DECOM").is_null()
            & pl.col("SW_DEC__text").is_not_null()
        )
    )
    looked_after = looked_after_at_year_end(submission)
    return flagged(ended_last.join(looked_after, on="CHILD", how="semi"), "SWEpisodes")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SW_DEC", "SW_DECOM"),
    tables=("SWEpisodes", "Episodes"),
    type="error",
    check=check,
)
