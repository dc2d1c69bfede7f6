"""CIN census rule 4000 (error): CIN Plan details provided for a referral with no further action

Flags CINplanDates rows whose CIN episode has ReferralNFA 1 (referral with no further action).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import episode_rows
from safeguard.returns.engine import Rule, Submission

CODE = "4000"
MESSAGE = "CIN Plan details provided for a referral with no further action"


def check(submission: Submission) -> pl.DataFrame:
    """CINplanDates rows whose CIN episode has ReferralNFA 1 (referral with no further action)."""
    return episode_rows(submission, "CINplanDates", pl.col("ReferralNFA") == "1")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("ReferralNFA",),
    tables=("CINplanDates", "CINdetails"),
    type="error",
    check=check,
)
