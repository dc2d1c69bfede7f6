"""CIN census rule 8915 (error): Child Protection Plan shown as starting after the child's Date of Death

Flags ChildProtectionPlans rows whose CPPstartDate is after the child's PersonDeathDate.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import child_rows
from safeguard.returns.engine import Rule, Submission

CODE = "8915"
MESSAGE = "Child Protection Plan shown as starting after the child\u2019s Date of Death"


def check(submission: Submission) -> pl.DataFrame:
    """ChildProtectionPlans rows whose CPPstartDate is after the child's PersonDeathDate."""
    return child_rows(
        submission, "ChildProtectionPlans", pl.col("CPPstartDate") > pl.col("PersonDeathDate")
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CPPstartDate", "PersonDeathDate"),
    tables=("ChildProtectionPlans", "ChildIdentifiers"),
    type="error",
    check=check,
)
