"""CIN census rule 8815 (error): More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this child and case is not a referral with no further action.

Flags CINdetails rows with no CINclosureDate and ReferralNFA 0, for children with more than one such
episode.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8815"
MESSAGE = "More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this child and case is not a referral with no further action."

OPEN = pl.col("CINclosureDate").is_null() & (pl.col("ReferralNFA") != "1")
"""An open CIN episode that is not a referral with no further action."""


def check(submission: Submission) -> pl.DataFrame:
    """CINdetails rows with no CINclosureDate and ReferralNFA 0, for children with more than one
    such episode."""
    return rows(submission, "CINdetails", OPEN & (OPEN.sum().over("LAchildID") > 1))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("ReferralNFA", "CINclosureDate"),
    tables=("CINdetails",),
    type="error",
    check=check,
)
