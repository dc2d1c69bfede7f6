"""CIN census rule 8869 (error): The assessment factors code “21” cannot be used in conjunction with any other assessment factors.

Flags AssessmentFactorsList rows of an assessment that has factor 21 (no factors identified) and any
other factor.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8869"
MESSAGE = "The assessment factors code “21” cannot be used in conjunction with any other assessment factors."


def check(submission: Submission) -> pl.DataFrame:
    """AssessmentFactorsList rows of an assessment that has factor 21 (no factors identified) and
    any other factor."""
    return rows(
        submission,
        "AssessmentFactorsList",
        (pl.col("AssessmentFactors") == "21")
        .any()
        .over(["LAchildID", "CINdetailsID", "AssessmentID"])
        & (pl.len().over(["LAchildID", "CINdetailsID", "AssessmentID"]) > 1),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("AssessmentFactors",),
    tables=("AssessmentFactorsList",),
    type="error",
    check=check,
)
