"""CIN census rule 8614 (error): Parental or child factors at assessment should only be present for a completed assessment.

Flags Assessments rows with no AssessmentAuthorisationDate that have assessment factors.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.reader import CHILD_ID
from safeguard.returns.engine import Rule, Submission, flagged

CODE = "8614"
MESSAGE = (
    "Parental or child factors at assessment should only be present for a completed assessment."
)

ASSESSMENT = [CHILD_ID, "CINdetailsID", "AssessmentID"]
"""The columns that identify an assessment."""


def check(submission: Submission) -> pl.DataFrame:
    """Assessments rows with no AssessmentAuthorisationDate that have assessment factors."""
    factors = submission.tables["AssessmentFactorsList"].lazy().select(ASSESSMENT)
    return flagged(
        submission.tables["Assessments"]
        .lazy()
        .filter(pl.col("AssessmentAuthorisationDate").is_null())
        .join(factors, on=ASSESSMENT, how="semi"),
        "Assessments",
        child=CHILD_ID,
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("AssessmentAuthorisationDate", "AssessmentFactors"),
    tables=("Assessments", "AssessmentFactorsList"),
    type="error",
    check=check,
)
