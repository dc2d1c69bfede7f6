"""SSDA903 rule 581 (error): Child is missing but has not yet started to be looked after.

Flags a missing or away period starting before the child's earliest episode in the return began.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "581"
MESSAGE = "Child is missing but has not yet started to be looked after."


def check(submission: Submission) -> pl.DataFrame:
    """Missing periods starting before the child's first episode."""
    first = (
        submission.tables["Episodes"]
        .lazy()
        .group_by("CHILD")
        .agg(pl.col("DECOM").min().alias("FIRST_DECOM"))
    )
    missing = submission.tables["Missing"].lazy().join(first, on="CHILD", how="inner")
    return flagged(missing.filter(pl.col("MIS_START") < pl.col("FIRST_DECOM")), "Missing")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("MIS_START",),
    tables=("Episodes", "Missing"),
    type="error",
    check=check,
)
