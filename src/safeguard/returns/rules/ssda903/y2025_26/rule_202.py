"""SSDA903 rule 202 (error): The gender code conflicts with the gender already recorded for this child.

Flags a Header row whose SEX differs from the SEX in last year's Header for the same child; a
blank on one side only counts as different. Children new this year pass.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "202"
MESSAGE = "The gender code conflicts with the gender already recorded for this child."


def check(submission: Submission) -> pl.DataFrame:
    """Header rows whose SEX differs from last year's Header for the same child."""
    last = (
        submission.tables["Header_last"]
        .lazy()
        .select("CHILD", pl.col("SEX").alias("LAST"))
        .unique("CHILD", keep="first")
    )
    header = submission.tables["Header"].lazy().join(last, on="CHILD", how="inner")
    return flagged(header.filter(pl.col("SEX").ne_missing(pl.col("LAST"))), "Header")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SEX",),
    tables=("Header", "Header_last"),
    type="error",
    check=check,
)
