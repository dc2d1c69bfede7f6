"""CIN census rule 8898 (error): The assessment has more than one parental or child factors with the same code

Flags AssessmentFactorsList rows whose factor the same assessment has more than once (every such
row).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8898"
MESSAGE = "The assessment has more than one parental or child factors with the same code"


def check(submission: Submission) -> pl.DataFrame:
    """AssessmentFactorsList rows whose factor the same assessment has more than once (every such
    row)."""
    return rows(
        submission,
        "AssessmentFactorsList",
        pl.struct("LAchildID", "CINdetailsID", "AssessmentID", "AssessmentFactors").is_duplicated()
        & pl.col("AssessmentFactors").is_not_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("AssessmentFactors",),
    tables=("AssessmentFactorsList",),
    type="error",
    check=check,
)
