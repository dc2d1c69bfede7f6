"""SSDA903 rule 351 (error): Child was over 25 at the start of the current collection year.

Flags a Header row for a child whose 25th birthday fell before 1 April at the start of the
collection year (the 2025/26 message says 25; earlier years said 21).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, year_start
from safeguard.returns.ssda903.expressions import rows

CODE = "351"
MESSAGE = "Child was over 25 at the start of the current collection year."


def check(submission: Submission) -> pl.DataFrame:
    """The Header rows this rule flags."""
    return rows(
        submission,
        "Header",
        pl.col("DOB").dt.offset_by("25y") < pl.lit(year_start(submission.year)),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOB",),
    tables=("Header",),
    type="error",
    check=check,
)
