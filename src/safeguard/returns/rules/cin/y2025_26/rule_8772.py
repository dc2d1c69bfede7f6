"""CIN census rule 8772 (error): UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a referral going on to further action

Flags ChildIdentifiers rows with UPNunknown UN7 whose child has a CIN episode with ReferralNFA 0.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.reader import CHILD_ID
from safeguard.returns.engine import Rule, Submission, flagged

CODE = "8772"
MESSAGE = "UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a referral going on to further action"


def check(submission: Submission) -> pl.DataFrame:
    """ChildIdentifiers rows with UPNunknown UN7 whose child has a CIN episode with
    ReferralNFA 0."""
    further = submission.tables["CINdetails"].lazy().filter(pl.col("ReferralNFA") == "0")
    return flagged(
        submission.tables["ChildIdentifiers"]
        .lazy()
        .filter(pl.col("UPNunknown") == "UN7")
        .join(further, on=CHILD_ID, how="semi"),
        "ChildIdentifiers",
        child=CHILD_ID,
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("UPNunknown", "ReferralNFA"),
    tables=("ChildIdentifiers", "CINdetails"),
    type="error",
    check=check,
)
