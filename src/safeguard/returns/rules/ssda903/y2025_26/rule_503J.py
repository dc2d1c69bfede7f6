"""SSDA903 rule 503J (error): The placement location in first episode does not match open episode at end of last year.

Flags a child's first episode this year (earliest DECOM) whose placement location (PL_LOCATION) differs from that of
the child's latest episode in last year's return (latest DECOM) when that episode was still open
(no date ceased); a blank on one side only counts as different. PL_LOCATION is an optional column; a
return whose files do not both carry it has nothing to compare.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import (
    first_episode_with_open_last_year,
)

CODE = "503J"
MESSAGE = "The placement location in first episode does not match open episode at end of last year."


def check(submission: Submission) -> pl.DataFrame:
    """Each child's first episode this year whose PL_LOCATION differs from last year's open episode."""
    differs = pl.col("PL_LOCATION").ne_missing(pl.col("PL_LOCATION_LAST"))
    return flagged(
        first_episode_with_open_last_year(submission, "PL_LOCATION").filter(differs), "Episodes"
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PL_LOCATION",),
    tables=("Episodes", "Episodes_last"),
    type="error",
    check=check,
    columns=("Episodes.PL_LOCATION", "Episodes_last.PL_LOCATION"),
)
