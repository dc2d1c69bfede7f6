"""CIN census rule 8925 (error): Child Protection Plan End Date earlier than Start Date

Flags ChildProtectionPlans rows whose CPPendDate is before their CPPstartDate.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8925"
MESSAGE = "Child Protection Plan End Date earlier than Start Date"


def check(submission: Submission) -> pl.DataFrame:
    """ChildProtectionPlans rows whose CPPendDate is before their CPPstartDate."""
    return rows(submission, "ChildProtectionPlans", pl.col("CPPendDate") < pl.col("CPPstartDate"))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CPPstartDate", "CPPendDate"),
    tables=("ChildProtectionPlans",),
    type="error",
    check=check,
)
