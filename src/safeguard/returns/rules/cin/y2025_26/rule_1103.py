"""CIN census rule 1103 (error): The assessment start date cannot be before the referral date

Flags Assessments rows whose AssessmentActualStartDate is before their CIN episode's
CINreferralDate.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import episode_rows
from safeguard.returns.engine import Rule, Submission

CODE = "1103"
MESSAGE = "The assessment start date cannot be before the referral date"


def check(submission: Submission) -> pl.DataFrame:
    """Assessments rows whose AssessmentActualStartDate is before their CIN episode's
    CINreferralDate."""
    return episode_rows(
        submission, "Assessments", pl.col("AssessmentActualStartDate") < pl.col("CINreferralDate")
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("AssessmentActualStartDate", "CINreferralDate"),
    tables=("Assessments", "CINdetails"),
    type="error",
    check=check,
)
