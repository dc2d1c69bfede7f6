"""SSDA903 rule 544 (error): Any child who has conviction information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.

Flags an OC2 row with conviction information completed (0 or 1) but any of immunisations, teeth
check, health assessment or substance misuse blank. The public validator checks only CONVICTED
1; the DfE message says completed.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "544"
MESSAGE = "Any child who has conviction information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed."


CORE = ("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE")


def check(submission: Submission) -> pl.DataFrame:
    """The OC2 rows this rule flags."""
    return rows(
        submission,
        "OC2",
        pl.col("CONVICTED").is_not_null() & pl.any_horizontal(pl.col(c).is_null() for c in CORE),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CONVICTED", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"),
    tables=("OC2",),
    type="error",
    check=check,
)
