"""SSDA903 rule 440 (error): Participation method indicates child was under 4 years old at the time of the review, but date of birth and review date indicates the child was 4 years old or over.

Flags a review coded PN0 (child under 4) held on or after the child's 4th birthday (DOB on the
same row).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "440"
MESSAGE = "Participation method indicates child was under 4 years old at the time of the review, but date of birth and review date indicates the child was 4 years old or over."


def check(submission: Submission) -> pl.DataFrame:
    """The Reviews rows this rule flags."""
    return rows(
        submission,
        "Reviews",
        (pl.col("REVIEW_CODE") == "PN0") & (pl.col("REVIEW") >= pl.col("DOB").dt.offset_by("4y")),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOB", "REVIEW", "REVIEW_CODE"),
    tables=("Reviews",),
    type="error",
    check=check,
)
