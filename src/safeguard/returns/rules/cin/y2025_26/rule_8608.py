"""CIN census rule 8608 (error): Assessment Start Date cannot be later than its End Date

Flags Assessments rows whose start date is after their authorisation (end) date.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8608"
MESSAGE = "Assessment Start Date cannot be later than its End Date"


def check(submission: Submission) -> pl.DataFrame:
    """Assessments rows whose start date is after their authorisation (end) date."""
    return rows(
        submission,
        "Assessments",
        pl.col("AssessmentActualStartDate") > pl.col("AssessmentAuthorisationDate"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("AssessmentActualStartDate", "AssessmentAuthorisationDate"),
    tables=("Assessments",),
    type="error",
    check=check,
)
