"""CIN census rule 8600 (error): Child referral date missing or after data collection period

Flags CINdetails rows with no CINreferralDate or one after the 31 March reference date.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission, year_end

CODE = "8600"
MESSAGE = "Child referral date missing or after data collection period"


def check(submission: Submission) -> pl.DataFrame:
    """CINdetails rows with no CINreferralDate or one after the 31 March reference date."""
    return rows(
        submission,
        "CINdetails",
        pl.col("CINreferralDate").is_null()
        | (pl.col("CINreferralDate") > year_end(submission.year)),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CINreferralDate",),
    tables=("CINdetails",),
    type="error",
    check=check,
)
