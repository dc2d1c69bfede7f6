"""SSDA903 rule INT32 (error): Internal Check: Child should only exist once in Header.

Flags every Header row of a CHILD that has more than one row in Header.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "INT32"
MESSAGE = "Internal Check: Child should only exist once in Header."


def check(submission: Submission) -> pl.DataFrame:
    """The Header rows this rule flags."""
    return rows(
        submission,
        "Header",
        pl.col("CHILD").is_not_null() & pl.col("CHILD").is_duplicated(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CHILD",),
    tables=("Header",),
    type="error",
    check=check,
)
