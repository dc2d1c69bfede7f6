"""CIN census rule 8866 (error): Source of Referral is missing or an invalid code

Flags CINdetails rows whose ReferralSource is blank or not in the referral source code list.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import not_in_list, rows
from safeguard.returns.engine import Rule, Submission

CODE = "8866"
MESSAGE = "Source of Referral is missing or an invalid code"


def check(submission: Submission) -> pl.DataFrame:
    """CINdetails rows whose ReferralSource is blank or not in the referral source code list."""
    return rows(
        submission,
        "CINdetails",
        not_in_list("ReferralSource", "ReferralSource", submission.year, blank_ok=False),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CINreferralDate", "ReferralSource"),
    tables=("CINdetails",),
    type="error",
    check=check,
)
