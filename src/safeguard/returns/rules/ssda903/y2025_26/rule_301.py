"""SSDA903 rule 301 (error): Date of birth falls after the year ended.

Flags a Header row whose date of birth is after 31 March at the end of the collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, year_end
from safeguard.returns.ssda903.expressions import rows

CODE = "301"
MESSAGE = "Date of birth falls after the year ended."


def check(submission: Submission) -> pl.DataFrame:
    """The Header rows this rule flags."""
    return rows(
        submission,
        "Header",
        pl.col("DOB") > pl.lit(year_end(submission.year)),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOB",),
    tables=("Header",),
    type="error",
    check=check,
)
