"""SSDA903 rule 521 (error): Date of local authority's decision (LA) that adoption is in the best interests of the child (date should be placed) must be on or prior to the date the child is placed for adoption.

Flags a child's AD1 row, and the child's first placement for adoption (A3-A6, earliest DECOM),
when the date adoption was decided to be in the child's best interest (DATE_INT) is after that
placement began.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import ROW, Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import (
    ADOPTION_PLACEMENTS,
    first_dated,
)

CODE = "521"
MESSAGE = "Date of local authority's decision (LA) that adoption is in the best interests of the child (date should be placed) must be on or prior to the date the child is placed for adoption."


def check(submission: Submission) -> pl.DataFrame:
    """The rows this rule flags."""
    matched = (
        submission.tables["AD1"]
        .lazy()
        .filter(pl.col("DATE_INT").is_not_null())
        .join(
            first_dated(
                submission,
                "Episodes",
                pl.col("PLACE").is_in(ADOPTION_PLACEMENTS),
                "DECOM",
                "PLACED_ON",
            ),
            on="CHILD",
            how="inner",
        )
        .filter(pl.col("DATE_INT") > pl.col("PLACED_ON"))
    )
    return pl.concat(
        [
            flagged(matched, "AD1"),
            flagged(
                matched.select("CHILD", pl.col("PLACED_ON_ROW").alias(ROW)).unique(), "Episodes"
            ),
        ]
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PLACE", "DECOM", "DATE_INT"),
    tables=("Episodes", "AD1"),
    type="error",
    check=check,
)
