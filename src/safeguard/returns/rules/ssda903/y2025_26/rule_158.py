"""SSDA903 rule 158 (error): If a child has been recorded as receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be left blank.

Flags an OC2 row recording an intervention received (1) that also records whether one was
offered.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "158"
MESSAGE = "If a child has been recorded as receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be left blank."


def check(submission: Submission) -> pl.DataFrame:
    """The OC2 rows this rule flags."""
    return rows(
        submission,
        "OC2",
        (pl.col("INTERVENTION_RECEIVED") == "1") & pl.col("INTERVENTION_OFFERED").is_not_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"),
    tables=("OC2",),
    type="error",
    check=check,
)
