"""SSDA903 rule 452 (error): Contradiction between local authority of placement code in the last episode of the previous year and in the first episode of the current year.

Flags a child's first episode this year (earliest DECOM) with the same reason for new episode
(RNE) as the child's latest episode in last year's return (latest DECOM), that episode still open
(no date ceased), but a different local authority of placement (PL_LA; a blank on one side only
counts as different). PL_LA is an optional column; a return whose files do not both carry it has
nothing to compare.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import (
    first_episode_with_open_last_year,
)

CODE = "452"
MESSAGE = (
    "Contradiction between local authority of placement code in the last episode of the "
    "previous year and in the first episode of the current year."
)


def check(submission: Submission) -> pl.DataFrame:
    """First episodes continuing last year's open episode (same RNE) with a different PL_LA."""
    same_rne = pl.col("RNE") == pl.col("RNE_LAST")
    differs = pl.col("PL_LA").ne_missing(pl.col("PL_LA_LAST"))
    return flagged(
        first_episode_with_open_last_year(submission, "RNE", "PL_LA").filter(same_rne & differs),
        "Episodes",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PL_LA",),
    tables=("Episodes", "Episodes_last"),
    type="error",
    check=check,
    columns=("Episodes.PL_LA", "Episodes_last.PL_LA"),
)
