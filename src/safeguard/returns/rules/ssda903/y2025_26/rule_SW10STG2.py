"""SSDA903 rule SW10STG2 (error): A new social worker episode has started before the end date of the previous social worker episode.

Flags a social worker episode starting before the child's previous social worker episode (by
start date) ended.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import previous, rows

CODE = "SW10STG2"
MESSAGE = "A new social worker episode has started before the end date of the previous social worker episode."


def check(submission: Submission) -> pl.DataFrame:
    """The SWEpisodes rows this rule flags."""
    return rows(
        submission,
        "SWEpisodes",
        pl.col("SW_DECOM") < previous("SW_DEC"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SW_DECOM",),
    tables=("SWEpisodes",),
    type="error",
    check=check,
)
