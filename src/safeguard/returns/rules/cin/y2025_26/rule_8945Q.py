"""CIN census rule 8945Q (query): Please check and either amend data or provide a reason: the assessment factors code '18A' should not be used ('18B' or '18C' should be used instead)

Flags AssessmentFactorsList rows with factor 18A.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8945Q"
MESSAGE = "Please check and either amend data or provide a reason: the assessment factors code '18A' should not be used ('18B' or '18C' should be used instead)"


def check(submission: Submission) -> pl.DataFrame:
    """AssessmentFactorsList rows with factor 18A."""
    return rows(submission, "AssessmentFactorsList", pl.col("AssessmentFactors") == "18A")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("AssessmentFactors",),
    tables=("AssessmentFactorsList",),
    type="query",
    check=check,
)
