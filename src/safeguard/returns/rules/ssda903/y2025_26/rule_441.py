"""SSDA903 rule 441 (error): Participation method indicates child was 4 years old or over at the time of the review, but the date of birth and review date indicates the child was under 4 years old.

Flags a review with a participation code other than PN0 held before the child's 4th birthday
(DOB on the same row).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "441"
MESSAGE = "Participation method indicates child was 4 years old or over at the time of the review, but the date of birth and review date indicates the child was under 4 years old."


def check(submission: Submission) -> pl.DataFrame:
    """The Reviews rows this rule flags."""
    return rows(
        submission,
        "Reviews",
        pl.col("REVIEW_CODE").is_not_null()
        & (pl.col("REVIEW_CODE") != "PN0")
        & (pl.col("REVIEW") < pl.col("DOB").dt.offset_by("4y")),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOB", "REVIEW", "REVIEW_CODE"),
    tables=("Reviews",),
    type="error",
    check=check,
)
