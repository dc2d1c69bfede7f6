"""CIN census rule 8950Q (query): Please check and either amend data or provide a reason: the assessment factors code '19A' should not be used ('19B' or '19C' should be used instead)

Flags AssessmentFactorsList rows with factor 19A.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8950Q"
MESSAGE = "Please check and either amend data or provide a reason: the assessment factors code '19A' should not be used ('19B' or '19C' should be used instead)"


def check(submission: Submission) -> pl.DataFrame:
    """AssessmentFactorsList rows with factor 19A."""
    return rows(submission, "AssessmentFactorsList", pl.col("AssessmentFactors") == "19A")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("AssessmentFactors",),
    tables=("AssessmentFactorsList",),
    type="query",
    check=check,
)
