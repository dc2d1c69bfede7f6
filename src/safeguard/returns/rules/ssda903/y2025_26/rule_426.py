"""SSDA903 rule 426 (error): A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the same year.

Flags the short-break episodes (V3, V4) of a child recorded under both V3 and V4 in the year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "426"
MESSAGE = "A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the same year."


def check(submission: Submission) -> pl.DataFrame:
    """V3 and V4 episodes of children with both."""
    short_breaks = submission.tables["Episodes"].lazy().filter(pl.col("LS").is_in(["V3", "V4"]))
    both = (
        short_breaks.group_by("CHILD")
        .agg(pl.col("LS").n_unique().alias("n"))
        .filter(pl.col("n") == 2)
    )
    return flagged(short_breaks.join(both.select("CHILD"), on="CHILD", how="semi"), "Episodes")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("LS",),
    tables=("Episodes",),
    type="error",
    check=check,
)
