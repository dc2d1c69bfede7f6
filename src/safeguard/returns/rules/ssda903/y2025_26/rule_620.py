"""SSDA903 rule 620 (error): Child has been recorded as a mother, but date of birth shows that the mother is under 11 years of age.

Flags a Header row with MOTHER 1 whose 11th birthday falls after 1 April at the start of the
collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, year_start
from safeguard.returns.ssda903.expressions import rows

CODE = "620"
MESSAGE = "Child has been recorded as a mother, but date of birth shows that the mother is under 11 years of age."


def check(submission: Submission) -> pl.DataFrame:
    """The Header rows this rule flags."""
    return rows(
        submission,
        "Header",
        (pl.col("MOTHER") == "1")
        & (pl.col("DOB").dt.offset_by("11y") > pl.lit(year_start(submission.year))),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOB", "MOTHER"),
    tables=("Header",),
    type="error",
    check=check,
)
