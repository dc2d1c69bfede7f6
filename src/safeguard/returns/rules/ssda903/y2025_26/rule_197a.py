"""SSDA903 rule 197a (error): Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and Difficulties Questionnaire score is filled in.

Flags an OC2 row with both an SDQ score and a reason for no SDQ score.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "197a"
MESSAGE = "Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and Difficulties Questionnaire score is filled in."


def check(submission: Submission) -> pl.DataFrame:
    """The OC2 rows this rule flags."""
    return rows(
        submission,
        "OC2",
        pl.col("SDQ_SCORE").is_not_null() & pl.col("SDQ_REASON").is_not_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SDQ_SCORE", "SDQ_REASON"),
    tables=("OC2",),
    type="error",
    check=check,
)
