"""CIN census rule 8720 (error): Child Protection Plan Start Date missing or out of data collection period

Flags ChildProtectionPlans rows with no CPPstartDate or one after the 31 March reference date.

A plan may start before the collection year and still be open in it, so only a start after the
reference date is out of period.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission, year_end

CODE = "8720"
MESSAGE = "Child Protection Plan Start Date missing or out of data collection period"


def check(submission: Submission) -> pl.DataFrame:
    """ChildProtectionPlans rows with no CPPstartDate or one after the 31 March reference date."""
    return rows(
        submission,
        "ChildProtectionPlans",
        pl.col("CPPstartDate").is_null() | (pl.col("CPPstartDate") > year_end(submission.year)),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CPPstartDate", "ReferenceDate"),
    tables=("ChildProtectionPlans",),
    type="error",
    check=check,
)
