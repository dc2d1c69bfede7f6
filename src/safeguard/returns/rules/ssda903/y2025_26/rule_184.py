"""SSDA903 rule 184 (error): Date of decision that a child should be placed for adoption is before the child was born.

Flags a PlacedAdoption row whose DATE_PLACED is before the child's date of birth in the Header.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "184"
MESSAGE = (
    "Date of decision that a child should be placed for adoption is before the child was born."
)


def check(submission: Submission) -> pl.DataFrame:
    """PlacedAdoption rows whose decision date is before the Header date of birth."""
    header = submission.tables["Header"].lazy().select("CHILD", pl.col("DOB").alias("HEADER_DOB"))
    placed = submission.tables["PlacedAdoption"].lazy().join(header, on="CHILD", how="inner")
    return flagged(placed.filter(pl.col("DATE_PLACED") < pl.col("HEADER_DOB")), "PlacedAdoption")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DATE_PLACED", "DOB"),
    tables=("Header", "PlacedAdoption"),
    type="error",
    check=check,
)
