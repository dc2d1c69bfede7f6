"""SSDA903 rule 630 (error): Information on previous permanence option should be returned.

Flags an episode starting a period of care this year (RNE S, DECOM on or after 1 April) for a
child with no PrevPerm row, a blank previous permanence option, or an option other than Z1
without both the authority and the date of the order.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_start

CODE = "630"
MESSAGE = "Information on previous permanence option should be returned."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes starting care this year without complete previous permanence information."""
    prev_perm = (
        submission.tables["PrevPerm"]
        .lazy()
        .select("CHILD", "PREV_PERM", "LA_PERM", pl.col("DATE_PERM__text").alias("DATE_PERM_TEXT"))
    )
    started = (
        submission.tables["Episodes"]
        .lazy()
        .filter((pl.col("RNE") == "S") & (pl.col("DECOM") >= pl.lit(year_start(submission.year))))
        .join(prev_perm, on="CHILD", how="left")
    )
    missing = pl.col("PREV_PERM").is_null()
    incomplete = (pl.col("PREV_PERM") != "Z1") & (
        pl.col("LA_PERM").is_null() | pl.col("DATE_PERM_TEXT").is_null()
    )
    return flagged(started.filter(missing | incomplete.fill_null(value=False)), "Episodes")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("RNE",),
    tables=("Episodes", "PrevPerm"),
    type="error",
    check=check,
)
