"""CIN census rule 8831 (error): Activity is recorded against a case marked as a referral with no further action

Flags CINdetails rows with ReferralNFA 1 (referral with no further action) that record a
DateOfInitialCPC or whose episode has an assessment or a section 47 enquiry.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import episodes_with, rows
from safeguard.returns.engine import Rule, Submission

CODE = "8831"
MESSAGE = "Activity is recorded against a case marked as a referral with no further action"

NO_FURTHER_ACTION = pl.col("ReferralNFA") == "1"
"""A referral with no further action."""

ACTIVITY = ("Assessments", "Section47")
"""The modules a referral with no further action cannot hold."""


def check(submission: Submission) -> pl.DataFrame:
    """CINdetails rows with ReferralNFA 1 that record a DateOfInitialCPC or whose episode has an
    assessment or a section 47 enquiry."""
    conference = rows(
        submission, "CINdetails", NO_FURTHER_ACTION & pl.col("DateOfInitialCPC").is_not_null()
    )
    modules = [
        episodes_with(submission, NO_FURTHER_ACTION, table, pl.lit(value=True))
        for table in ACTIVITY
    ]
    return pl.concat([conference, *modules]).unique(subset=["table", "row"], maintain_order=True)


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=(
        "AssessmentActualStartDate",
        "AssessmentAuthorisationDate",
        "S47ActualStartDate",
        "DateOfInitialCPC",
    ),
    tables=("CINdetails", *ACTIVITY),
    type="error",
    check=check,
)
