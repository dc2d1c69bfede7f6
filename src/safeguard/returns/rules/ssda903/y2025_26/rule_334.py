"""SSDA903 rule 334 (error): Date child started to be looked after in latest period of care must be on or prior to the date should be placed for adoption.

Flags a child's AD1 row when the date adoption was decided to be in the child's best interest
(DATE_INT) is before the start of the child's latest period of care (the latest DECOM of an
episode with RNE S).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import (
    latest_care_start,
)

CODE = "334"
MESSAGE = "Date child started to be looked after in latest period of care must be on or prior to the date should be placed for adoption."


def check(submission: Submission) -> pl.DataFrame:
    """The rows this rule flags."""
    matched = (
        submission.tables["AD1"]
        .lazy()
        .filter(pl.col("DATE_INT").is_not_null())
        .join(latest_care_start(submission), on="CHILD", how="inner")
        .filter(pl.col("DATE_INT") < pl.col("CARE_START"))
    )
    return pl.concat([flagged(matched, "AD1")])


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DATE_INT", "DECOM", "RNE"),
    tables=("Episodes", "AD1"),
    type="error",
    check=check,
)
