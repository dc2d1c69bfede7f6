"""CIN census rule 4001 (error): A CIN Plan cannot run concurrently with a Child Protection Plan

Flags CINplanDates rows with no CINPlanEndDate whose CIN episode has a child protection plan with no
CPPendDate.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.reader import CHILD_ID
from safeguard.returns.engine import Rule, Submission, flagged

CODE = "4001"
MESSAGE = "A CIN Plan cannot run concurrently with a Child Protection Plan"


def check(submission: Submission) -> pl.DataFrame:
    """CINplanDates rows with no CINPlanEndDate whose CIN episode has a child protection plan with
    no CPPendDate."""
    open_plans = (
        submission.tables["ChildProtectionPlans"]
        .lazy()
        .filter(pl.col("CPPendDate").is_null())
        .select(CHILD_ID, "CINdetailsID")
    )
    return flagged(
        submission.tables["CINplanDates"]
        .lazy()
        .filter(pl.col("CINPlanEndDate").is_null())
        .join(open_plans, on=[CHILD_ID, "CINdetailsID"], how="semi"),
        "CINplanDates",
        child=CHILD_ID,
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CINPlanEndDate", "CPPendDate"),
    tables=("CINplanDates", "ChildProtectionPlans"),
    type="error",
    check=check,
)
