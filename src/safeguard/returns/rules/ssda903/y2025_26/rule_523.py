"""SSDA903 rule 523 (error): Date of decision that the child should be placed for adoption should be the same date as the decision that adoption is in the best interest (date should be placed).

Flags a child's PlacedAdoption row and AD1 row when the date of the decision to place for
adoption (DATE_PLACED) differs from the date adoption was decided to be in the child's best
interest (DATE_INT); both must be valid dates.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import ROW, Rule, Submission, flagged

CODE = "523"
MESSAGE = "Date of decision that the child should be placed for adoption should be the same date as the decision that adoption is in the best interest (date should be placed)."


def check(submission: Submission) -> pl.DataFrame:
    """PlacedAdoption and AD1 rows of a child whose two decision dates differ."""
    ad1 = (
        submission.tables["AD1"]
        .lazy()
        .filter(pl.col("DATE_INT").is_not_null())
        .select("CHILD", pl.col("ROW").alias("AD1_ROW"), "DATE_INT")
    )
    pairs = (
        submission.tables["PlacedAdoption"]
        .lazy()
        .filter(pl.col("DATE_PLACED").is_not_null())
        .join(ad1, on="CHILD", how="inner")
        .filter(pl.col("DATE_PLACED") != pl.col("DATE_INT"))
    )
    return pl.concat(
        [
            flagged(pairs, "PlacedAdoption"),
            flagged(pairs.select("CHILD", pl.col("AD1_ROW").alias(ROW)), "AD1"),
        ]
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DATE_PLACED", "DATE_INT"),
    tables=("PlacedAdoption", "AD1"),
    type="error",
    check=check,
)
