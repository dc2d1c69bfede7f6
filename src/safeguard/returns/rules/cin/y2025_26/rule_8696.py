"""CIN census rule 8696 (error): Assessment end date must fall within the census year

Flags Assessments rows whose AssessmentAuthorisationDate is outside the collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import outside_year, rows
from safeguard.returns.engine import Rule, Submission

CODE = "8696"
MESSAGE = "Assessment end date must fall within the census year"


def check(submission: Submission) -> pl.DataFrame:
    """Assessments rows whose AssessmentAuthorisationDate is outside the collection year."""
    return rows(
        submission, "Assessments", outside_year("AssessmentAuthorisationDate", submission.year)
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("AssessmentAuthorisationDate", "ReferenceDate"),
    tables=("Assessments",),
    type="error",
    check=check,
)
