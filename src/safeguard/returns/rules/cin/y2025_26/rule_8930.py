"""CIN census rule 8930 (error): Child Protection Plan End Date must fall within the census year

Flags ChildProtectionPlans rows whose CPPendDate is outside the collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import outside_year, rows
from safeguard.returns.engine import Rule, Submission

CODE = "8930"
MESSAGE = "Child Protection Plan End Date must fall within the census year"


def check(submission: Submission) -> pl.DataFrame:
    """ChildProtectionPlans rows whose CPPendDate is outside the collection year."""
    return rows(submission, "ChildProtectionPlans", outside_year("CPPendDate", submission.year))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CPPendDate", "ReferenceDate"),
    tables=("ChildProtectionPlans",),
    type="error",
    check=check,
)
