"""SSDA903 rule 582 (error): Child is showing as ceasing to be looked after due to adoption, but the date of adoption is the same as the date reported for being matched with adopters. In most circumstances we expect the date the child is matched with adopters to be before the date of adoption.

Flags a child's AD1 row, and the episode ceasing by adoption (E11, E12; earliest such DEC), when
the date of adoption equals the date matched with adopters.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import ROW, Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import (
    first_dated,
)

CODE = "582"
MESSAGE = "Child is showing as ceasing to be looked after due to adoption, but the date of adoption is the same as the date reported for being matched with adopters. In most circumstances we expect the date the child is matched with adopters to be before the date of adoption."


def check(submission: Submission) -> pl.DataFrame:
    """The rows this rule flags."""
    matched = (
        submission.tables["AD1"]
        .lazy()
        .filter(pl.col("DATE_MATCH").is_not_null())
        .join(
            first_dated(
                submission, "Episodes", pl.col("REC").is_in(["E11", "E12"]), "DEC", "ADOPTED_ON"
            ),
            on="CHILD",
            how="inner",
        )
        .filter(pl.col("DATE_MATCH") == pl.col("ADOPTED_ON"))
    )
    return pl.concat(
        [
            flagged(matched, "AD1"),
            flagged(
                matched.select("CHILD", pl.col("ADOPTED_ON_ROW").alias(ROW)).unique(), "Episodes"
            ),
        ]
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DEC", "DATE_MATCH"),
    tables=("Episodes", "AD1"),
    type="error",
    check=check,
)
