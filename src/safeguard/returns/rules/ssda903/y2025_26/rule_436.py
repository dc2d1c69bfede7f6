"""SSDA903 rule 436 (error): Reason for new episode is that both child’s placement and legal status have changed, but this is not reflected in the episode data.

Flags an episode whose reason for new episode is a change of both placement and legal status (B,
or U) when its legal status or its whole placement (type, postcode, URN and provider) is the
same as the child's previous episode's. Blank values count as equal to blanks. Episodes are held
in child and date order.
"""

# ruff: noqa: RUF001, RUF002  (the DfE message uses a typographic apostrophe, kept exactly)
from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import legal_status_unchanged, placement_unchanged, rows

CODE = "436"
MESSAGE = "Reason for new episode is that both child’s placement and legal status have changed, but this is not reflected in the episode data."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        pl.col("RNE").is_in(["B", "U"]) & (legal_status_unchanged() | placement_unchanged()),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"),
    tables=("Episodes",),
    type="error",
    check=check,
)
