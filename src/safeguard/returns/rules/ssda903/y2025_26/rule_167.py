"""SSDA903 rule 167 (error): Data entry for participation is invalid or blank.

Flags a review with a date written but a participation code blank or not in the year's
REVIEW_CODE list, or a participation code with no review date.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import codes_for
from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "167"
MESSAGE = "Data entry for participation is invalid or blank."


def check(submission: Submission) -> pl.DataFrame:
    """The Reviews rows this rule flags."""
    return rows(
        submission,
        "Reviews",
        (
            pl.col("REVIEW__text").is_not_null()
            & ~pl.col("REVIEW_CODE")
            .is_in(list(codes_for("REVIEW_CODE", submission.year)))
            .fill_null(value=False)
        )
        | (pl.col("REVIEW__text").is_null() & pl.col("REVIEW_CODE").is_not_null()),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("REVIEW_CODE",),
    tables=("Reviews",),
    type="error",
    check=check,
)
