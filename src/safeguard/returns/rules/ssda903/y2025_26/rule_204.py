"""SSDA903 rule 204 (error): Ethnic origin code disagrees with the ethnic origin already recorded for this child.

Flags a Header row whose ETHNIC differs from the ETHNIC in last year's Header for the same
child; a blank on one side only counts as different. Children new this year pass.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "204"
MESSAGE = "Ethnic origin code disagrees with the ethnic origin already recorded for this child."


def check(submission: Submission) -> pl.DataFrame:
    """Header rows whose ETHNIC differs from last year's Header for the same child."""
    last = (
        submission.tables["Header_last"]
        .lazy()
        .select("CHILD", pl.col("ETHNIC").alias("LAST"))
        .unique("CHILD", keep="first")
    )
    header = submission.tables["Header"].lazy().join(last, on="CHILD", how="inner")
    return flagged(header.filter(pl.col("ETHNIC").ne_missing(pl.col("LAST"))), "Header")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("ETHNIC",),
    tables=("Header", "Header_last"),
    type="error",
    check=check,
)
