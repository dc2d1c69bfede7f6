"""CIN census rule 1105 (error): The child protection plan start date cannot be before the referral date

Flags ChildProtectionPlans rows whose CPPstartDate is before their CIN episode's CINreferralDate.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import episode_rows
from safeguard.returns.engine import Rule, Submission

CODE = "1105"
MESSAGE = "The child protection plan start date cannot be before the referral date"


def check(submission: Submission) -> pl.DataFrame:
    """ChildProtectionPlans rows whose CPPstartDate is before their CIN episode's
    CINreferralDate."""
    return episode_rows(
        submission, "ChildProtectionPlans", pl.col("CPPstartDate") < pl.col("CINreferralDate")
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CPPstartDate", "CINreferralDate"),
    tables=("ChildProtectionPlans", "CINdetails"),
    type="error",
    check=check,
)
