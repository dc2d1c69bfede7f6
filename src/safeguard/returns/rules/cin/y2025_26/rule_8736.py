"""CIN census rule 8736 (error): For an Assessment that has not been completed, the start date must fall within the census year

Flags Assessments rows with no AssessmentAuthorisationDate whose AssessmentActualStartDate is
outside the collection year.

Follows the DfE message: an assessment still open at the reference date must have started in the
collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import outside_year, rows
from safeguard.returns.engine import Rule, Submission

CODE = "8736"
MESSAGE = (
    "For an Assessment that has not been completed, the start date must fall within the census year"
)


def check(submission: Submission) -> pl.DataFrame:
    """Assessments rows with no AssessmentAuthorisationDate whose AssessmentActualStartDate is
    outside the collection year."""
    return rows(
        submission,
        "Assessments",
        pl.col("AssessmentAuthorisationDate").is_null()
        & outside_year("AssessmentActualStartDate", submission.year),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("AssessmentAuthorisationDate", "AssessmentActualStartDate"),
    tables=("Assessments",),
    type="error",
    check=check,
)
