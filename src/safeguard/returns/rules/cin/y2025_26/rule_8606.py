"""CIN census rule 8606 (error): Child referral date is more than 40 weeks before DOB or expected DOB

Flags CINdetails rows whose CINreferralDate is more than 40 weeks before the child's PersonBirthDate
(or, if none, ExpectedPersonBirthDate).
"""

from __future__ import annotations

from datetime import timedelta

import polars as pl

from safeguard.returns.cin.expressions import child_rows
from safeguard.returns.engine import Rule, Submission

CODE = "8606"
MESSAGE = "Child referral date is more than 40 weeks before DOB or expected DOB"


def check(submission: Submission) -> pl.DataFrame:
    """CINdetails rows whose CINreferralDate is more than 40 weeks before the child's
    PersonBirthDate (or, if none, ExpectedPersonBirthDate)."""
    return child_rows(
        submission,
        "CINdetails",
        pl.col("CINreferralDate")
        < pl.coalesce("PersonBirthDate", "ExpectedPersonBirthDate") - timedelta(weeks=40),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CINreferralDate", "PersonBirthDate", "ExpectedPersonBirthDate"),
    tables=("CINdetails", "ChildIdentifiers"),
    type="error",
    check=check,
)
