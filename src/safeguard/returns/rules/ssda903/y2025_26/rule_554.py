"""SSDA903 rule 554 (error): Date of decision that the child should be placed for adoption should be on or prior to the date that the placement order was granted. [NOTE: This rule may result in false positives or false negatives if relevant episodes are in previous years; please check carefully!]

Flags a PlacedAdoption row, and the child's first episode under a placement order (LS E1,
earliest DECOM), when the decision to place for adoption (DATE_PLACED) is after that order was
granted.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import ROW, Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import (
    first_dated,
)

CODE = "554"
MESSAGE = "Date of decision that the child should be placed for adoption should be on or prior to the date that the placement order was granted. [NOTE: This rule may result in false positives or false negatives if relevant episodes are in previous years; please check carefully!]"


def check(submission: Submission) -> pl.DataFrame:
    """The rows this rule flags."""
    matched = (
        submission.tables["PlacedAdoption"]
        .lazy()
        .filter(pl.col("DATE_PLACED").is_not_null())
        .join(
            first_dated(submission, "Episodes", pl.col("LS") == "E1", "DECOM", "ORDER_ON"),
            on="CHILD",
            how="inner",
        )
        .filter(pl.col("DATE_PLACED") > pl.col("ORDER_ON"))
    )
    return pl.concat(
        [
            flagged(matched, "PlacedAdoption"),
            flagged(
                matched.select("CHILD", pl.col("ORDER_ON_ROW").alias(ROW)).unique(), "Episodes"
            ),
        ]
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DATE_PLACED", "DECOM", "LS"),
    tables=("Episodes", "PlacedAdoption"),
    type="error",
    check=check,
)
