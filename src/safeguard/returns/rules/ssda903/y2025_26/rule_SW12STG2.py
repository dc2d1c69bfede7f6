"""SSDA903 rule SW12STG2 (error): If a child is looked after on 31 March then all social worker episodes for the full previous year should be reported, even those whilst they were not looked after

Flags children looked after on 31 March (an episode, short breaks aside, started by then and not
ceased before it) whose social worker episodes do not reach back to the start of the period the
DfE asks for: the first SWEpisodes row (earliest SW_DECOM) is flagged when it starts after the
latest of 1 April, the child's birth and, for a child who came into care during the year, the
start of that period of care (RNE S); a child with no social worker episode at all has the
episode open at 31 March flagged.

The public validator's code for this rule does not run (it subtracts a one-year numpy timedelta,
which pandas refuses), so the intent is read from the DfE message: for a child looked after at 31
March, every social worker episode of the year is to be reported, those before the child came into
care included. A social worker episode before care cannot be known to be missing when the child
was not known to the service, so only the start of the period of care is required of a child who
came into care in the year.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import SHORT_BREAK_LEGAL_STATUSES
from safeguard.returns.engine import Rule, Submission, flagged, year_end, year_start

CODE = "SW12STG2"
MESSAGE = "If a child is looked after on 31 March then all social worker episodes for the full previous year should be reported, even those whilst they were not looked after"


def check(submission: Submission) -> pl.DataFrame:
    """Children looked after on 31 March without social worker episodes from the start."""
    start, end = year_start(submission.year), year_end(submission.year)
    episodes = submission.tables["Episodes"].lazy()
    open_at_end = episodes.filter(
        (pl.col("DECOM") <= end)
        & (pl.col("DEC").is_null() | (pl.col("DEC") > end))
        & ~pl.col("LS").is_in(list(SHORT_BREAK_LEGAL_STATUSES)).fill_null(value=False)
    )
    came_in = (
        episodes.filter((pl.col("RNE") == "S") & pl.col("DECOM").is_between(start, end))
        .group_by("CHILD")
        .agg(pl.col("DECOM").max().alias("CARE_START"))
    )
    sw = submission.tables["SWEpisodes"].lazy()
    first_sw = (
        sw.filter(pl.col("SW_DECOM").is_not_null())
        .sort("SW_DECOM", "ROW")
        .group_by("CHILD")
        .agg(
            pl.col("SW_DECOM").first(), pl.col("ROW").first().alias("SW_ROW"), pl.col("DOB").first()
        )
    )
    children = (
        open_at_end.select("CHILD", pl.col("ROW").alias("EPISODE_ROW"))
        .unique("CHILD", keep="first")
        .join(came_in, on="CHILD", how="left")
        .join(first_sw, on="CHILD", how="left")
    )
    required = pl.max_horizontal(pl.lit(start), pl.col("DOB"), pl.col("CARE_START"))
    late = children.filter(pl.col("SW_DECOM") > required).select(
        "CHILD", pl.col("SW_ROW").alias("ROW")
    )
    none = children.filter(pl.col("SW_DECOM").is_null()).select(
        "CHILD", pl.col("EPISODE_ROW").alias("ROW")
    )
    return pl.concat([flagged(late, "SWEpisodes"), flagged(none, "Episodes")])


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SW_DECOM",),
    tables=("SWEpisodes", "Episodes"),
    type="error",
    check=check,
)
