"""SSDA903 rule 190 (error): Child has not been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been completed.

Flags an OC2 row with any twelve-month item completed for a child not looked after continuously
for 12 months at 31 March. Looked after continuously for 12 months means the DfE's definition
(see safeguard.returns.ssda903.expressions.continuously_looked_after).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import continuously_looked_after

CODE = "190"
MESSAGE = "Child has not been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been completed."


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
    """OC2 rows this rule flags, by whether the child was looked after for 12 months."""
    oc2 = (
        submission.tables["OC2"]
        .lazy()
        .join(continuously_looked_after(submission), on="CHILD", how="anti")
    )
    return flagged(oc2.filter(pl.any_horizontal(pl.col(c).is_not_null() for c in ITEMS)), "OC2")


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
    tables=("Episodes", "OC2"),
    type="error",
    check=check,
)
