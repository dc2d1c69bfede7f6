"""CIN census rule 8935 (error): This child is showing more than one open Child Protection plan, i.e. with no End Date

Flags ChildProtectionPlans rows with no CPPendDate, for children with more than one such plan.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import open_twice, rows
from safeguard.returns.engine import Rule, Submission

CODE = "8935"
MESSAGE = "This child is showing more than one open Child Protection plan, i.e. with no End Date"


def check(submission: Submission) -> pl.DataFrame:
    """ChildProtectionPlans rows with no CPPendDate, for children with more than one such plan."""
    return rows(submission, "ChildProtectionPlans", open_twice("CPPendDate"))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CPPendDate",),
    tables=("ChildProtectionPlans",),
    type="error",
    check=check,
)
