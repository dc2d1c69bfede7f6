"""CIN census rule 8920 (error): Child Protection Plan cannot end after the child's Date of Death

Flags ChildProtectionPlans rows whose CPPendDate is after the child's PersonDeathDate.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import child_rows
from safeguard.returns.engine import Rule, Submission

CODE = "8920"
MESSAGE = "Child Protection Plan cannot end after the child\u2019s Date of Death"


def check(submission: Submission) -> pl.DataFrame:
    """ChildProtectionPlans rows whose CPPendDate is after the child's PersonDeathDate."""
    return child_rows(
        submission, "ChildProtectionPlans", pl.col("CPPendDate") > pl.col("PersonDeathDate")
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PersonDeathDate", "CPPendDate"),
    tables=("ChildProtectionPlans", "ChildIdentifiers"),
    type="error",
    check=check,
)
