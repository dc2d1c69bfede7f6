"""SSDA903 rule 159 (error): If a child has been recorded as not receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be completed as well.

Flags an OC2 row with a substance misuse problem (1) and no intervention received (0) that
leaves blank whether one was offered.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "159"
MESSAGE = "If a child has been recorded as not receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be completed as well."


def check(submission: Submission) -> pl.DataFrame:
    """The OC2 rows this rule flags."""
    return rows(
        submission,
        "OC2",
        (pl.col("SUBSTANCE_MISUSE") == "1")
        & (pl.col("INTERVENTION_RECEIVED") == "0")
        & pl.col("INTERVENTION_OFFERED").is_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"),
    tables=("OC2",),
    type="error",
    check=check,
)
