"""SSDA903 rule 547 (error): Any child who has health promotion information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.

Flags an OC2 row with health promotion information (HEALTH_CHECK) completed but any of
immunisations, teeth check, health assessment or substance misuse blank.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "547"
MESSAGE = "Any child who has health promotion information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed."


CORE = ("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE")


def check(submission: Submission) -> pl.DataFrame:
    """The OC2 rows this rule flags."""
    return rows(
        submission,
        "OC2",
        pl.col("HEALTH_CHECK").is_not_null() & pl.any_horizontal(pl.col(c).is_null() for c in CORE),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=(
        "HEALTH_CHECK",
        "IMMUNISATIONS",
        "TEETH_CHECK",
        "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE",
    ),
    tables=("OC2",),
    type="error",
    check=check,
)
