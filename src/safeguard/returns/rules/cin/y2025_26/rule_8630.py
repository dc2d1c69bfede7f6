"""CIN census rule 8630 (error): CIN Closure Date is before CIN Referral Date for the same CIN episode

Flags CINdetails rows whose CINclosureDate is before their CINreferralDate.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8630"
MESSAGE = "CIN Closure Date is before CIN Referral Date for the same CIN episode"


def check(submission: Submission) -> pl.DataFrame:
    """CINdetails rows whose CINclosureDate is before their CINreferralDate."""
    return rows(submission, "CINdetails", pl.col("CINclosureDate") < pl.col("CINreferralDate"))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CINreferralDate", "CINclosureDate"),
    tables=("CINdetails",),
    type="error",
    check=check,
)
