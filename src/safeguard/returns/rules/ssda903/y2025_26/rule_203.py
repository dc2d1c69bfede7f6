"""SSDA903 rule 203 (error): Date of birth disagrees with the date of birth already recorded for this child.

Flags a Header row whose DOB (as written) differs from the DOB in last year's Header for the
same child; a blank on one side only counts as different. Children new this year pass.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "203"
MESSAGE = "Date of birth disagrees with the date of birth already recorded for this child."


def check(submission: Submission) -> pl.DataFrame:
    """Header rows whose DOB differs from last year's Header for the same child."""
    last = (
        submission.tables["Header_last"]
        .lazy()
        .select("CHILD", pl.col("DOB__text").alias("LAST"))
        .unique("CHILD", keep="first")
    )
    header = submission.tables["Header"].lazy().join(last, on="CHILD", how="inner")
    return flagged(header.filter(pl.col("DOB__text").ne_missing(pl.col("LAST"))), "Header")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOB",),
    tables=("Header", "Header_last"),
    type="error",
    check=check,
)
