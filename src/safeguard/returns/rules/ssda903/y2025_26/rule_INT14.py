"""SSDA903 rule INT14 (error): Internal Check: DOB in OC2 is different to DOB in Header.

Flags a OC2 row whose DOB, as written, differs from the Header's DOB for the same child (a blank
on one side only counts as different). A child absent from the Header is left to the INT0x
checks.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "INT14"
MESSAGE = "Internal Check: DOB in OC2 is different to DOB in Header."


def check(submission: Submission) -> pl.DataFrame:
    """OC2 rows whose DOB differs from the Header's for the same child."""
    header = (
        submission.tables["Header"]
        .lazy()
        .select("CHILD", pl.col("DOB__text").alias("HEADER_DOB"))
        .unique("CHILD", keep="first")
    )
    table = submission.tables["OC2"].lazy().join(header, on="CHILD", how="inner")
    return flagged(table.filter(pl.col("DOB__text").ne_missing(pl.col("HEADER_DOB"))), "OC2")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOB",),
    tables=("Header", "OC2"),
    type="error",
    check=check,
)
