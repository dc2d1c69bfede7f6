"""SSDA903 rule 188 (error): Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) score or a reason for no SDQ score has been completed.

Flags an OC2 row with an SDQ score or reason for a child under 4 on 31 March at the end of the
collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, year_end
from safeguard.returns.ssda903.expressions import rows

CODE = "188"
MESSAGE = "Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) score or a reason for no SDQ score has been completed."


def check(submission: Submission) -> pl.DataFrame:
    """The OC2 rows this rule flags."""
    return rows(
        submission,
        "OC2",
        (pl.col("DOB").dt.offset_by("4y") > pl.lit(year_end(submission.year)))
        & (pl.col("SDQ_SCORE").is_not_null() | pl.col("SDQ_REASON").is_not_null()),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SDQ_SCORE", "SDQ_REASON"),
    tables=("OC2",),
    type="error",
    check=check,
)
