"""SSDA903 rule 331 (error): Date of matching child and adopter(s) should be the same as, or prior to, the date of placement of adoption.

Flags a child's AD1 row, and the child's first placement for adoption (A3-A6, earliest DECOM),
when the date matched with adopters is after that placement began.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import ROW, Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import (
    ADOPTION_PLACEMENTS,
    first_dated,
)

CODE = "331"
MESSAGE = "Date of matching child and adopter(s) should be the same as, or prior to, the date of placement of adoption."


def check(submission: Submission) -> pl.DataFrame:
    """The rows this rule flags."""
    matched = (
        submission.tables["AD1"]
        .lazy()
        .filter(pl.col("DATE_MATCH").is_not_null())
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
        .filter(pl.col("DATE_MATCH") > pl.col("PLACED_ON"))
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
    fields=("DATE_MATCH", "DECOM", "REC"),
    tables=("AD1", "Episodes"),
    type="error",
    check=check,
)
