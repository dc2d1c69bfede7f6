"""SSDA903 rule 193 (error): Child not identified as having a substance misuse problem but at least one of the two additional items on whether an intervention were offered and received have been completed.

Flags an OC2 row with no substance misuse problem (0 or blank) that records whether an
intervention was received or offered.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "193"
MESSAGE = "Child not identified as having a substance misuse problem but at least one of the two additional items on whether an intervention were offered and received have been completed."


def check(submission: Submission) -> pl.DataFrame:
    """The OC2 rows this rule flags."""
    return rows(
        submission,
        "OC2",
        (pl.col("SUBSTANCE_MISUSE").is_null() | (pl.col("SUBSTANCE_MISUSE") == "0"))
        & (
            pl.col("INTERVENTION_RECEIVED").is_not_null()
            | pl.col("INTERVENTION_OFFERED").is_not_null()
        ),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"),
    tables=("OC2",),
    type="error",
    check=check,
)
