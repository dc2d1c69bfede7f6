"""SSDA903 rule 333 (error): Date should be placed for adoption must be on or prior to the date of matching child with adopter(s).

Flags an AD1 row whose date should be placed for adoption is after the date matched (both valid
dates).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "333"
MESSAGE = "Date should be placed for adoption must be on or prior to the date of matching child with adopter(s)."


def check(submission: Submission) -> pl.DataFrame:
    """The AD1 rows this rule flags."""
    return rows(
        submission,
        "AD1",
        pl.col("DATE_INT") > pl.col("DATE_MATCH"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DATE_INT",),
    tables=("AD1",),
    type="error",
    check=check,
)
