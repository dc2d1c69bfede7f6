"""SSDA903 rule 381 (error): A period of care cannot end with a temporary placement.

Flags an episode in a temporary placement (T0-T4) that ends the period of care (a reason ceased
other than X1).
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import TEMPORARY_PLACEMENTS
from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "381"
MESSAGE = "A period of care cannot end with a temporary placement."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        pl.col("PLACE").is_in(list(TEMPORARY_PLACEMENTS))
        & pl.col("REC").is_not_null()
        & (pl.col("REC") != "X1"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PLACE", "REC"),
    tables=("Episodes",),
    type="error",
    check=check,
)
