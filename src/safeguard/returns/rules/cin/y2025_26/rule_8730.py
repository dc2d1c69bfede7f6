"""CIN census rule 8730 (error): Total Number of previous Child Protection Plans missing

Flags ChildProtectionPlans rows with no NumberOfPreviousCPP.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8730"
MESSAGE = "Total Number of previous Child Protection Plans missing"


def check(submission: Submission) -> pl.DataFrame:
    """ChildProtectionPlans rows with no NumberOfPreviousCPP."""
    return rows(submission, "ChildProtectionPlans", pl.col("NumberOfPreviousCPP").is_null())


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("NumberOfPreviousCPP",),
    tables=("ChildProtectionPlans",),
    type="error",
    check=check,
)
