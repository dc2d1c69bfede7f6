"""SSDA903 rule 398 (error): Distance field completed but child looked after under legal status V3 or V4.

Flags short-break episodes (legal status V3 or V4) with a home or placement postcode given:
the placement distance is not collected for short breaks, so neither postcode should be.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import SHORT_BREAK_LEGAL_STATUSES
from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import given, rows

CODE = "398"
MESSAGE = "Distance field completed but child looked after under legal status V3 or V4."


def check(submission: Submission) -> pl.DataFrame:
    """Short-break episodes with a postcode."""
    short_break = pl.col("LS").is_in(list(SHORT_BREAK_LEGAL_STATUSES))
    return rows(submission, "Episodes", short_break & (given("HOME_POST") | given("PL_POST")))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("LS", "HOME_POST", "PL_POST"),
    tables=("Episodes",),
    type="error",
    check=check,
)
