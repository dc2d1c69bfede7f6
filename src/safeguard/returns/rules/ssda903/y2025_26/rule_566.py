"""SSDA903 rule 566 (error): The date that the child's episode of being missing or away from placement without authorisation ended has been completed but whether the child was missing or away without authorisation has not been completed.

Flags a Missing row with an end date written but no missing type.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "566"
MESSAGE = "The date that the child's episode of being missing or away from placement without authorisation ended has been completed but whether the child was missing or away without authorisation has not been completed."


def check(submission: Submission) -> pl.DataFrame:
    """The Missing rows this rule flags."""
    return rows(
        submission,
        "Missing",
        pl.col("MIS_END__text").is_not_null() & pl.col("MISSING").is_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("MISSING", "MIS_END"),
    tables=("Missing",),
    type="error",
    check=check,
)
