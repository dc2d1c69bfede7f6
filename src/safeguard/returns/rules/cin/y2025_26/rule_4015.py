"""CIN census rule 4015 (error): The CIN Plan start date cannot be before the referral date

Flags CINplanDates rows whose CINPlanStartDate is before their CIN episode's CINreferralDate.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import episode_rows
from safeguard.returns.engine import Rule, Submission

CODE = "4015"
MESSAGE = "The CIN Plan start date cannot be before the referral date"


def check(submission: Submission) -> pl.DataFrame:
    """CINplanDates rows whose CINPlanStartDate is before their CIN episode's CINreferralDate."""
    return episode_rows(
        submission, "CINplanDates", pl.col("CINPlanStartDate") < pl.col("CINreferralDate")
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CINPlanStartDate", "CINreferralDate"),
    tables=("CINplanDates", "CINdetails"),
    type="error",
    check=check,
)
