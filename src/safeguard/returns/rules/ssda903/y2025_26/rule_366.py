"""SSDA903 rule 366 (error): A child cannot change placement during the course of an individual short-term respite break.

Flags episodes under an agreed series of short-term breaks with individual episodes recorded
(legal status V3) whose reason for new episode is not S (blank included): each break is its own
period of care, so a placement cannot change within it.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "366"
MESSAGE = (
    "A child cannot change placement during the course of an individual short-term respite break."
)


def check(submission: Submission) -> pl.DataFrame:
    """V3 episodes not starting a period of care."""
    return rows(
        submission, "Episodes", (pl.col("LS") == "V3") & pl.col("RNE").ne_missing(pl.lit("S"))
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("RNE",),
    tables=("Episodes",),
    type="error",
    check=check,
)
