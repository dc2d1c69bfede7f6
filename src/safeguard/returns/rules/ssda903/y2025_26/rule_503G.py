"""SSDA903 rule 503G (error): The distance in first episode does not match open episode at end of last year.

Flags a child's first episode this year (earliest DECOM) whose placement distance (PL_DISTANCE)
differs by 0.2 miles or more from that of the child's latest episode in last year's return
(latest DECOM) when that episode was still open (no date ceased). Distances are compared only
when both are numbers. PL_DISTANCE is an optional column; a return whose files do not both carry
it has nothing to compare.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import (
    distances_differ,
    first_episode_with_open_last_year,
)

CODE = "503G"
MESSAGE = "The distance in first episode does not match open episode at end of last year."


def check(submission: Submission) -> pl.DataFrame:
    """Each child's first episode this year placed 0.2 miles or more from last year's distance."""
    differs = distances_differ("PL_DISTANCE", "PL_DISTANCE_LAST")
    return flagged(
        first_episode_with_open_last_year(submission, "PL_DISTANCE").filter(differs), "Episodes"
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
