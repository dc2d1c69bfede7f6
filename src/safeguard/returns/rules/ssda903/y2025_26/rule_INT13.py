"""SSDA903 rule INT13 (error): Internal Check: DOB in Missing is different to DOB in Header.

Flags a Missing row whose DOB, as written, differs from the Header's DOB for the same child (a
blank on one side only counts as different). A child absent from the Header is left to the INT0x
checks.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "INT13"
MESSAGE = "Internal Check: DOB in Missing is different to DOB in Header."


def check(submission: Submission) -> pl.DataFrame:
    """Missing rows whose DOB differs from the Header's for the same child."""
    header = (
        submission.tables["Header"]
        .lazy()
        .select("CHILD", pl.col("DOB__text").alias("HEADER_DOB"))
        .unique("CHILD", keep="first")
    )
    table = submission.tables["Missing"].lazy().join(header, on="CHILD", how="inner")
    return flagged(table.filter(pl.col("DOB__text").ne_missing(pl.col("HEADER_DOB"))), "Missing")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOB",),
    tables=("Header", "Missing"),
    type="error",
    check=check,
)
