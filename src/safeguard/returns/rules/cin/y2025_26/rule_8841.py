"""CIN census rule 8841 (error): The review date cannot be on the same day or before the Child protection Plan start date.

Flags ChildProtectionPlans rows with a CPPreviewDate on or before their CPPstartDate.

The DfE names the ChildProtectionPlans table, so the plan is flagged rather than the review.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.reader import CHILD_ID
from safeguard.returns.engine import Rule, Submission, flagged

CODE = "8841"
MESSAGE = (
    "The review date cannot be on the same day or before the Child protection Plan start date."
)

PLAN = [CHILD_ID, "CINdetailsID", "CPPID"]
"""The columns that identify a child protection plan."""


def check(submission: Submission) -> pl.DataFrame:
    """ChildProtectionPlans rows with a CPPreviewDate on or before their CPPstartDate."""
    plans = submission.tables["ChildProtectionPlans"].lazy()
    early = (
        submission.tables["Reviews"]
        .lazy()
        .join(plans.select(*PLAN, "CPPstartDate"), on=PLAN, how="inner")
        .filter(pl.col("CPPreviewDate") <= pl.col("CPPstartDate"))
        .select(PLAN)
    )
    return flagged(plans.join(early, on=PLAN, how="semi"), "ChildProtectionPlans", child=CHILD_ID)


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CPPstartDate", "CPPreviewDate"),
    tables=("ChildProtectionPlans", "Reviews"),
    type="error",
    check=check,
)
