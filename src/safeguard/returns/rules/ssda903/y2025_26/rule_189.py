"""SSDA903 rule 189 (error): Child is aged 17 years or over at the beginning of the year, but an Strengths and Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has been completed.

Flags an OC2 row with an SDQ score or reason for a young person 17 or over on 1 April at the
start of the collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, year_start
from safeguard.returns.ssda903.expressions import rows

CODE = "189"
MESSAGE = "Child is aged 17 years or over at the beginning of the year, but an Strengths and Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has been completed."


def check(submission: Submission) -> pl.DataFrame:
    """The OC2 rows this rule flags."""
    return rows(
        submission,
        "OC2",
        (pl.col("DOB").dt.offset_by("17y") <= pl.lit(year_start(submission.year)))
        & (pl.col("SDQ_SCORE").is_not_null() | pl.col("SDQ_REASON").is_not_null()),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOB", "SDQ_SCORE", "SDQ_REASON"),
    tables=("OC2",),
    type="error",
    check=check,
)
