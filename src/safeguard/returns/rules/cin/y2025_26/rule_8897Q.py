"""CIN census rule 8897Q (query): Parental or child factors at assessment information is missing from a completed assessment

Flags Assessments rows with an AssessmentAuthorisationDate that have no assessment factors.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.reader import CHILD_ID
from safeguard.returns.engine import Rule, Submission, flagged

CODE = "8897Q"
MESSAGE = (
    "Parental or child factors at assessment information is missing from a completed assessment"
)

ASSESSMENT = [CHILD_ID, "CINdetailsID", "AssessmentID"]
"""The columns that identify an assessment."""


def check(submission: Submission) -> pl.DataFrame:
    """Assessments rows with an AssessmentAuthorisationDate that have no assessment factors."""
    factors = submission.tables["AssessmentFactorsList"].lazy().select(ASSESSMENT)
    return flagged(
        submission.tables["Assessments"]
        .lazy()
        .filter(pl.col("AssessmentAuthorisationDate").is_not_null())
        .join(factors, on=ASSESSMENT, how="anti"),
        "Assessments",
        child=CHILD_ID,
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("AssessmentAuthorisationDate", "AssessmentFactors"),
    tables=("Assessments", "AssessmentFactorsList"),
    type="query",
    check=check,
)
