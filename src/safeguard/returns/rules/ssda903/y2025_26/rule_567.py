"""SSDA903 rule 567 (error): The date that the missing episode or episode that the child was away from placement without authorisation ended is before the date that it started.

Flags a Missing row whose end date is before its start date (both valid dates).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "567"
MESSAGE = "The date that the missing episode or episode that the child was away from placement without authorisation ended is before the date that it started."


def check(submission: Submission) -> pl.DataFrame:
    """The Missing rows this rule flags."""
    return rows(
        submission,
        "Missing",
        pl.col("MIS_END") < pl.col("MIS_START"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("MIS_START", "MIS_END"),
    tables=("Missing",),
    type="error",
    check=check,
)
