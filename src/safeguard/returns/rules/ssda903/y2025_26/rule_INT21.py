"""SSDA903 rule INT21 (error): Internal Check: SEX in UASC is different to SEX in Header.

Flags a UASC row whose SEX differs from the Header's SEX for the same child.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "INT21"
MESSAGE = "Internal Check: SEX in UASC is different to SEX in Header."


def check(submission: Submission) -> pl.DataFrame:
    """UASC rows whose SEX differs from the Header's for the same child."""
    header = (
        submission.tables["Header"]
        .lazy()
        .select("CHILD", pl.col("SEX").alias("HEADER_SEX"))
        .unique("CHILD", keep="first")
    )
    table = submission.tables["UASC"].lazy().join(header, on="CHILD", how="inner")
    return flagged(table.filter(pl.col("SEX").ne_missing(pl.col("HEADER_SEX"))), "UASC")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SEX",),
    tables=("Header", "UASC"),
    type="error",
    check=check,
)
