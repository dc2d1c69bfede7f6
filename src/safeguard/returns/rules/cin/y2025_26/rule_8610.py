"""CIN census rule 8610 (error): Primary Need code is missing for a referral which led to further action.

Flags CINdetails rows with ReferralNFA 0 (further action) and no PrimaryNeedCode.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8610"
MESSAGE = "Primary Need code is missing for a referral which led to further action."


def check(submission: Submission) -> pl.DataFrame:
    """CINdetails rows with ReferralNFA 0 (further action) and no PrimaryNeedCode."""
    return rows(
        submission,
        "CINdetails",
        (pl.col("ReferralNFA") == "0") & pl.col("PrimaryNeedCode").is_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("ReferralNFA", "PrimaryNeedCode"),
    tables=("CINdetails",),
    type="error",
    check=check,
)
