"""CIN census rule 8905 (error): Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)

Flags ChildProtectionPlans rows whose InitialCategoryOfAbuse is blank or not in the category of
abuse code list.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import not_in_list, rows
from safeguard.returns.engine import Rule, Submission

CODE = "8905"
MESSAGE = "Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)"


def check(submission: Submission) -> pl.DataFrame:
    """ChildProtectionPlans rows whose InitialCategoryOfAbuse is blank or not in the category of
    abuse code list."""
    return rows(
        submission,
        "ChildProtectionPlans",
        not_in_list("InitialCategoryOfAbuse", "CategoryOfAbuse", submission.year, blank_ok=False),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("InitialCategoryOfAbuse",),
    tables=("ChildProtectionPlans",),
    type="error",
    check=check,
)
