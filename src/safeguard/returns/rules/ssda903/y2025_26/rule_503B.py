"""SSDA903 rule 503B (error): The legal status in the first episode does not match open episode at end of last year.

Flags a child's first episode this year (earliest DECOM) whose legal status (LS) differs from
that of the child's latest episode in last year's return (latest DECOM) when that episode was
still open (no date ceased); a blank on one side only counts as different.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import differs_from_open_episode_last_year

CODE = "503B"
MESSAGE = "The legal status in the first episode does not match open episode at end of last year."


def check(submission: Submission) -> pl.DataFrame:
    """Each child's first episode this year whose LS differs from last year's open episode."""
    differs = pl.col("LS").ne_missing(pl.col("LAST"))
    return flagged(
        differs_from_open_episode_last_year(submission, "LS").filter(differs), "Episodes"
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("LS",),
    tables=("Episodes", "Episodes_last"),
    type="error",
    check=check,
)
