"""CIN census rule 8867 (error): CIN episode is shown as closed, however Assessment is not shown as completed

Flags CINdetails rows with a CINclosureDate whose episode has an assessment with no
AssessmentAuthorisationDate.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import episodes_with
from safeguard.returns.engine import Rule, Submission

CODE = "8867"
MESSAGE = "CIN episode is shown as closed, however Assessment is not shown as completed"


def check(submission: Submission) -> pl.DataFrame:
    """CINdetails rows with a CINclosureDate whose episode has an assessment with no
    AssessmentAuthorisationDate."""
    return episodes_with(
        submission,
        pl.col("CINclosureDate").is_not_null(),
        "Assessments",
        pl.col("AssessmentAuthorisationDate").is_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CINclosureDate", "AssessmentAuthorisationDate"),
    tables=("CINdetails", "Assessments"),
    type="error",
    check=check,
)
