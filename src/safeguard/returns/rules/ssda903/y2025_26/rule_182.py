"""SSDA903 rule 182 (error): Data entries on immunisations, teeth checks, health assessments and substance misuse problem identified should be completed or all OC2 fields should be left blank.

Flags an OC2 row with any of immunisations, teeth check, health assessment or substance misuse
blank while any other OC2 item (convicted, health check, interventions) is completed.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "182"
MESSAGE = "Data entries on immunisations, teeth checks, health assessments and substance misuse problem identified should be completed or all OC2 fields should be left blank."


CORE = ("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE")
OTHERS = ("CONVICTED", "HEALTH_CHECK", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")


def check(submission: Submission) -> pl.DataFrame:
    """The OC2 rows this rule flags."""
    return rows(
        submission,
        "OC2",
        pl.any_horizontal(pl.col(c).is_null() for c in CORE)
        & pl.any_horizontal(pl.col(c).is_not_null() for c in OTHERS),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=(
        "IMMUNISATIONS",
        "TEETH_CHECK",
        "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE",
        "CONVICTED",
        "HEALTH_CHECK",
        "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED",
    ),
    tables=("OC2",),
    type="error",
    check=check,
)
