"""SSDA903 rule 367 (error): The maximum amount of respite care allowable is 75 days in any 12-month period.

Flags each respite episode (LS V3) of a child whose V3 episodes add up to more than 75 days in
the collection year: each episode counts from its start or 1 April, whichever is later, to its
date ceased or 31 March, whichever is earlier (an open episode to 31 March). Like the public
validator, the 12-month period is taken as the collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_end, year_start

CODE = "367"
MESSAGE = "The maximum amount of respite care allowable is 75 days in any 12-month period."
RESPITE = "V3"
MAXIMUM_DAYS = 75


def check(submission: Submission) -> pl.DataFrame:
    """Respite episodes of children with more than 75 days' respite in the year."""
    start, end = year_start(submission.year), year_end(submission.year)
    began = pl.max_horizontal(pl.col("DECOM"), pl.lit(start))
    ceased = pl.min_horizontal(pl.col("DEC").fill_null(end), pl.lit(end))
    days = (ceased - began).dt.total_days()
    respite = (
        submission.tables["Episodes"]
        .lazy()
        .filter((pl.col("LS") == RESPITE) & pl.col("DECOM").is_not_null())
        .with_columns(days.alias("__days"))
        .filter(pl.col("__days") > 0)
    )
    return flagged(respite.filter(pl.col("__days").sum().over("CHILD") > MAXIMUM_DAYS), "Episodes")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("LS", "DECOM", "DEC"),
    tables=("Episodes",),
    type="error",
    check=check,
)
