"""SSDA903 rule 215 (error): Child has care leaver information but one or more data items relating to children looked after for 12 months have been completed.

Flags the OC3 row and the OC2 row of a child with care leaver information (any of IN_TOUCH,
ACTIV, ACCOM) and any twelve-month OC2 item completed.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "215"
MESSAGE = "Child has care leaver information but one or more data items relating to children looked after for 12 months have been completed."


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
CARE_LEAVER = ("IN_TOUCH", "ACTIV", "ACCOM")


def check(submission: Submission) -> pl.DataFrame:
    """OC3 and OC2 rows of a child with both care leaver and twelve-month data."""
    oc3 = (
        submission.tables["OC3"]
        .lazy()
        .filter(pl.any_horizontal(pl.col(c).is_not_null() for c in CARE_LEAVER))
    )
    oc2 = (
        submission.tables["OC2"]
        .lazy()
        .filter(pl.any_horizontal(pl.col(c).is_not_null() for c in ITEMS))
    )
    return pl.concat(
        [
            flagged(oc3.join(oc2.select("CHILD").unique(), on="CHILD", how="semi"), "OC3"),
            flagged(oc2.join(oc3.select("CHILD").unique(), on="CHILD", how="semi"), "OC2"),
        ]
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=(
        "IN_TOUCH",
        "ACTIV",
        "ACCOM",
        "CONVICTED",
        "HEALTH_CHECK",
        "IMMUNISATIONS",
        "TEETH_CHECK",
        "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE",
        "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED",
    ),
    tables=("OC2", "OC3"),
    type="error",
    check=check,
)
