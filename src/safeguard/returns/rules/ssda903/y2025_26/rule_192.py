"""SSDA903 rule 192 (error): Child has been identified as having a substance misuse problem but the additional item on whether an intervention was received has been left blank.

Flags an OC2 row with a substance misuse problem (1) but whether an intervention was received
left blank.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "192"
MESSAGE = "Child has been identified as having a substance misuse problem but the additional item on whether an intervention was received has been left blank."


def check(submission: Submission) -> pl.DataFrame:
    """The OC2 rows this rule flags."""
    return rows(
        submission,
        "OC2",
        (pl.col("SUBSTANCE_MISUSE") == "1") & pl.col("INTERVENTION_RECEIVED").is_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED"),
    tables=("OC2",),
    type="error",
    check=check,
)
