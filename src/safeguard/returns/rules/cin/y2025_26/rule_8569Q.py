"""CIN census rule 8569Q (query): A case with referral date before one working day prior to the collection start date must not be flagged as a no further action case

Flags CINdetails rows with ReferralNFA 1 whose CINreferralDate is before the working day before 1
April at the start of the collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.calendar import add_working_days
from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission, year_start

CODE = "8569Q"
MESSAGE = "A case with referral date before one working day prior to the collection start date must not be flagged as a no further action case"


def check(submission: Submission) -> pl.DataFrame:
    """CINdetails rows with ReferralNFA 1 whose CINreferralDate is before the working day before 1
    April at the start of the collection year."""
    return rows(
        submission,
        "CINdetails",
        (pl.col("ReferralNFA") == "1")
        & (pl.col("CINreferralDate") < add_working_days(year_start(submission.year), -1)),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("ReferralNFA",),
    tables=("CINdetails",),
    type="query",
    check=check,
)
