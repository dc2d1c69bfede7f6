"""SSDA903 rule 180 (error): Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.

Flags an OC2 row whose SDQ score is given but is not a whole number from 0 to 40.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "180"
MESSAGE = "Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid."


def check(submission: Submission) -> pl.DataFrame:
    """The OC2 rows this rule flags."""
    return rows(
        submission,
        "OC2",
        pl.col("SDQ_SCORE").is_not_null()
        & ~pl.col("SDQ_SCORE").str.contains(r"^(?:[0-9]|[1-3][0-9]|40)(?:\.0+)?$"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SDQ_SCORE",),
    tables=("OC2",),
    type="error",
    check=check,
)
