"""SSDA903 rule 624 (error): Date of birth of the first child contradicts the date of birth of the first child previously recorded.

Flags a Header row whose mother's child's date of birth, as written, differs from the one in
last year's Header for the same child (both given).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "624"
MESSAGE = "Date of birth of the first child contradicts the date of birth of the first child previously recorded."


def check(submission: Submission) -> pl.DataFrame:
    """Header rows whose first child's date of birth differs from last year's."""
    last = (
        submission.tables["Header_last"]
        .lazy()
        .filter(pl.col("MC_DOB__text").is_not_null())
        .select("CHILD", pl.col("MC_DOB__text").alias("LAST"))
        .unique("CHILD", keep="first")
    )
    header = submission.tables["Header"].lazy().join(last, on="CHILD", how="inner")
    return flagged(
        header.filter(
            pl.col("MC_DOB__text").is_not_null() & (pl.col("MC_DOB__text") != pl.col("LAST"))
        ),
        "Header",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("MC_DOB",),
    tables=("Header", "Header_last"),
    type="error",
    check=check,
)
