"""CIN census rule 2990 (error): Activity is recorded against a case marked as 'Case closed after assessment, no further action' or 'case closed after assessment, referred to early help'.

Flags CINdetails rows with ReasonForClosure RC8 or RC9 (closed after assessment) that record a
DateOfInitialCPC or whose episode has a section 47 enquiry, a child protection plan or a CIN plan.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import CLOSED_AFTER_ASSESSMENT as CLOSED_AFTER_ASSESSMENT_CODES
from safeguard.returns.cin.expressions import episodes_with, rows
from safeguard.returns.engine import Rule, Submission

CODE = "2990"
MESSAGE = (
    "Activity is recorded against a case marked as \u2018Case closed after assessment, no further"
    " action\u2019 or 'case closed after assessment, referred to early help'."
)

CLOSED_AFTER_ASSESSMENT = pl.col("ReasonForClosure").is_in(list(CLOSED_AFTER_ASSESSMENT_CODES))
"""Closure reasons RC8 and RC9: closed after assessment, no further action or early help."""

ACTIVITY = ("Section47", "ChildProtectionPlans", "CINplanDates")
"""The modules an episode closed after assessment cannot hold."""


def check(submission: Submission) -> pl.DataFrame:
    """CINdetails rows with ReasonForClosure RC8 or RC9 that record a DateOfInitialCPC or whose
    episode has a section 47 enquiry, a child protection plan or a CIN plan."""
    conference = rows(
        submission,
        "CINdetails",
        CLOSED_AFTER_ASSESSMENT & pl.col("DateOfInitialCPC").is_not_null(),
    )
    modules = [
        episodes_with(submission, CLOSED_AFTER_ASSESSMENT, table, pl.lit(value=True))
        for table in ACTIVITY
    ]
    return pl.concat([conference, *modules]).unique(subset=["table", "row"], maintain_order=True)


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("ReasonForClosure",),
    tables=("CINdetails", *ACTIVITY),
    type="error",
    check=check,
)
