"""CIN census rule 8896 (error): Within one CINDetails group there are 2 or more open Assessments groups

Flags Assessments rows with no AssessmentAuthorisationDate in a CIN episode with more than one such
assessment.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8896"
MESSAGE = "Within one CINDetails group there are 2 or more open Assessments groups"

OPEN = pl.col("AssessmentAuthorisationDate").is_null()
"""An assessment not yet completed."""


def check(submission: Submission) -> pl.DataFrame:
    """Assessments rows with no AssessmentAuthorisationDate in a CIN episode with more than one such
    assessment."""
    return rows(
        submission, "Assessments", OPEN & (OPEN.sum().over(["LAchildID", "CINdetailsID"]) > 1)
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("AssessmentAuthorisationDate",),
    tables=("Assessments",),
    type="error",
    check=check,
)
