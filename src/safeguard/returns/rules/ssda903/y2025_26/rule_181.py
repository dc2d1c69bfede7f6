"""SSDA903 rule 181 (error): Data items relating to children looked after continuously for 12 months should be completed with a 0 or 1.

Flags an OC2 row where any of the twelve-month items is given as something other than 0 or 1.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "181"
MESSAGE = "Data items relating to children looked after continuously for 12 months should be completed with a 0 or 1."


ITEMS = (
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
)


def check(submission: Submission) -> pl.DataFrame:
    """The OC2 rows this rule flags."""
    return rows(
        submission,
        "OC2",
        pl.any_horizontal(pl.col(c).is_not_null() & ~pl.col(c).is_in(["0", "1"]) for c in ITEMS),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=(
        "CONVICTED",
        "HEALTH_CHECK",
        "IMMUNISATIONS",
        "TEETH_CHECK",
        "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE",
        "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED",
    ),
    tables=("OC2",),
    type="error",
    check=check,
)
