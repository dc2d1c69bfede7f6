"""CIN census rule 8840 (error): Child Protection Plan cannot start and end on the same day

Flags ChildProtectionPlans rows that start and end on the same day.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8840"
MESSAGE = "Child Protection Plan cannot start and end on the same day"


def check(submission: Submission) -> pl.DataFrame:
    """ChildProtectionPlans rows that start and end on the same day."""
    return rows(submission, "ChildProtectionPlans", pl.col("CPPendDate") == pl.col("CPPstartDate"))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("ChildProtectionPlans", "CPPstartDate", "CPPendDate"),
    tables=("ChildProtectionPlans",),
    type="error",
    check=check,
)
