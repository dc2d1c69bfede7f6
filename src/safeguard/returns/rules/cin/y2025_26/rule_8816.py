"""CIN census rule 8816 (error): An open CIN episode is shown and case is not a referral with no further action, but it is not the latest episode.

Flags CINdetails rows with no CINclosureDate and ReferralNFA 0 whose CINreferralDate is before the
child's latest referral.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8816"
MESSAGE = "An open CIN episode is shown and case is not a referral with no further action, but it is not the latest episode."


def check(submission: Submission) -> pl.DataFrame:
    """CINdetails rows with no CINclosureDate and ReferralNFA 0 whose CINreferralDate is before the
    child's latest referral."""
    return rows(
        submission,
        "CINdetails",
        pl.col("CINclosureDate").is_null()
        & (pl.col("ReferralNFA") != "1")
        & (pl.col("CINreferralDate") < pl.col("CINreferralDate").max().over("LAchildID")),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CINreferralDate", "ReferralNFA"),
    tables=("CINdetails",),
    type="error",
    check=check,
)
