"""CIN census rule 4003 (error): A CPP review date is shown as being held at the same time as an open CIN Plan.

Flags Reviews rows whose CPPreviewDate falls within a CIN plan of the same CIN episode (on or after
its CINPlanStartDate and before its CINPlanEndDate, or with no end date: an open plan), unless the
review date is the plan's CPPendDate (the day the child protection plan ends and the CIN plan
starts).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.reader import CHILD_ID
from safeguard.returns.engine import Rule, Submission, flagged

CODE = "4003"
MESSAGE = "A CPP review date is shown as being held at the same time as an open CIN Plan."


def check(submission: Submission) -> pl.DataFrame:
    """Reviews held while a CIN plan of the episode was open."""
    keys = [CHILD_ID, "CINdetailsID"]
    plans = (
        submission.tables["CINplanDates"]
        .lazy()
        .filter(pl.col("CINPlanStartDate").is_not_null())
        .select(*keys, "CINPlanStartDate", "CINPlanEndDate")
    )
    ends = submission.tables["ChildProtectionPlans"].lazy().select(*keys, "CPPID", "CPPendDate")
    review = pl.col("CPPreviewDate")
    during = (
        submission.tables["Reviews"]
        .lazy()
        .filter(review.is_not_null())
        .join(ends, on=[*keys, "CPPID"], how="left")
        .join(plans, on=keys, how="inner")
        .filter(
            (review >= pl.col("CINPlanStartDate"))
            & (pl.col("CINPlanEndDate").is_null() | (review < pl.col("CINPlanEndDate")))
            & review.ne_missing(pl.col("CPPendDate"))
        )
        .unique(subset="ROW", maintain_order=True)
    )
    return flagged(during, "Reviews", child=CHILD_ID)


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CINPlanStartDate", "CINPlanEndDate", "CPPreviewDate"),
    tables=("Reviews", "CINplanDates", "ChildProtectionPlans"),
    type="error",
    check=check,
)
