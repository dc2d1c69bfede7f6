"""SSDA903 rule 153 (error): All data items relating to a child's activity or accommodation after leaving care must be coded or left blank.

Flags an OC3 row with some but not all of IN_TOUCH, ACTIV and ACCOM given.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "153"
MESSAGE = "All data items relating to a child's activity or accommodation after leaving care must be coded or left blank."


ITEMS = ("IN_TOUCH", "ACTIV", "ACCOM")


def check(submission: Submission) -> pl.DataFrame:
    """The OC3 rows this rule flags."""
    return rows(
        submission,
        "OC3",
        pl.any_horizontal(pl.col(c).is_null() for c in ITEMS)
        & pl.any_horizontal(pl.col(c).is_not_null() for c in ITEMS),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("IN_TOUCH", "ACTIV", "ACCOM"),
    tables=("OC3",),
    type="error",
    check=check,
)
