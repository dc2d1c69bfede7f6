"""SSDA903 rule 434 (error): Reason for new episode is that child's legal status has changed but not the placement, but this is not reflected in the episode data.

Flags an episode whose reason for new episode is a change of legal status only (L) when its
legal status is the same as the child's previous episode's, or its placement (type, postcode,
URN or provider) differs. Blank values count as equal to blanks. Episodes are held in child and
date order.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import legal_status_unchanged, placement_unchanged, rows

CODE = "434"
MESSAGE = "Reason for new episode is that child's legal status has changed but not the placement, but this is not reflected in the episode data."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        (pl.col("RNE") == "L") & (legal_status_unchanged() | ~placement_unchanged()),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"),
    tables=("Episodes",),
    type="error",
    check=check,
)
