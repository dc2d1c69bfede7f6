"""SSDA903 rule 435 (error): Reason for new episode is that child’s placement has changed but not the legal status, but this is not reflected in the episode data recorded.

Flags an episode whose reason for new episode is a change of placement only (P, or T) when its
legal status differs from the child's previous episode's, or its placement (type, postcode, URN
and provider) is unchanged. Blank values count as equal to blanks. Episodes are held in child
and date order.
"""

# ruff: noqa: RUF001, RUF002  (the DfE message uses a typographic apostrophe, kept exactly)
from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import legal_status_unchanged, placement_unchanged, rows

CODE = "435"
MESSAGE = "Reason for new episode is that child’s placement has changed but not the legal status, but this is not reflected in the episode data recorded."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        pl.col("RNE").is_in(["P", "T"]) & (~legal_status_unchanged() | placement_unchanged()),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"),
    tables=("Episodes",),
    type="error",
    check=check,
)
