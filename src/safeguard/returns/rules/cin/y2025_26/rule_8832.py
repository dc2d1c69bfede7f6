"""CIN census rule 8832 (error): Child Protection details provided for a referral with no further action.

Flags ChildProtectionPlans rows whose CIN episode has ReferralNFA 1 (referral with no further
action).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import episode_rows
from safeguard.returns.engine import Rule, Submission

CODE = "8832"
MESSAGE = "Child Protection details provided for a referral with no further action."


def check(submission: Submission) -> pl.DataFrame:
    """ChildProtectionPlans rows whose CIN episode has ReferralNFA 1 (referral with no further
    action)."""
    return episode_rows(submission, "ChildProtectionPlans", pl.col("ReferralNFA") == "1")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CINdetailsID", "ReferralNFA"),
    tables=("ChildProtectionPlans", "CINdetails"),
    type="error",
    check=check,
)
