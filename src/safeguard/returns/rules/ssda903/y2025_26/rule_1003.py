"""SSDA903 rule 1003 (error): Date of LA's decision that a child should be placed for adoption is before the child started to be looked after.

Flags a PlacedAdoption row whose decision date (DATE_PLACED) is before the start of the child's
latest period of care (the latest DECOM of an episode with RNE S).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import (
    latest_care_start,
)

CODE = "1003"
MESSAGE = "Date of LA's decision that a child should be placed for adoption is before the child started to be looked after."


def check(submission: Submission) -> pl.DataFrame:
    """The rows this rule flags."""
    matched = (
        submission.tables["PlacedAdoption"]
        .lazy()
        .filter(pl.col("DATE_PLACED").is_not_null())
        .join(latest_care_start(submission), on="CHILD", how="inner")
        .filter(pl.col("DATE_PLACED") < pl.col("CARE_START"))
    )
    return pl.concat([flagged(matched, "PlacedAdoption")])


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DATE_PLACED", "DECOM", "RNE"),
    tables=("Episodes", "PlacedAdoption"),
    type="error",
    check=check,
)
