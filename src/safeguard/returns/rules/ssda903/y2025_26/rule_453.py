"""SSDA903 rule 453 (error): Contradiction between placement distance in the last episode of the previous year and in the first episode of the current year.

Flags a child's first episode this year (earliest DECOM) with the same reason for new episode
(RNE) as the child's latest episode in last year's return (latest DECOM), that episode still open
(no date ceased), but a placement distance (PL_DISTANCE) 0.2 miles or more different. Distances
are compared only when both are numbers. PL_DISTANCE is an optional column; a return whose files
do not both carry it has nothing to compare.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import (
    distances_differ,
    first_episode_with_open_last_year,
)

CODE = "453"
MESSAGE = (
    "Contradiction between placement distance in the last episode of the previous year and in "
    "the first episode of the current year."
)


def check(submission: Submission) -> pl.DataFrame:
    """First episodes continuing last year's open episode (same RNE) placed 0.2 miles or more
    from last year's distance."""
    same_rne = pl.col("RNE") == pl.col("RNE_LAST")
    differs = distances_differ("PL_DISTANCE", "PL_DISTANCE_LAST")
    return flagged(
        first_episode_with_open_last_year(submission, "RNE", "PL_DISTANCE").filter(
            same_rne & differs
        ),
        "Episodes",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PL_DISTANCE",),
    tables=("Episodes", "Episodes_last"),
    type="error",
    check=check,
    columns=("Episodes.PL_DISTANCE", "Episodes_last.PL_DISTANCE"),
)
