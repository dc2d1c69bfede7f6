"""SSDA903 rule 564 (error): Child was missing or away from placement without authorisation and the date started is blank.

Flags a Missing row with a missing type but no start date written.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "564"
MESSAGE = (
    "Child was missing or away from placement without authorisation and the date started is blank."
)


def check(submission: Submission) -> pl.DataFrame:
    """The Missing rows this rule flags."""
    return rows(
        submission,
        "Missing",
        pl.col("MISSING").is_not_null() & pl.col("MIS_START__text").is_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("MISSING", "MIS_START"),
    tables=("Missing",),
    type="error",
    check=check,
)
