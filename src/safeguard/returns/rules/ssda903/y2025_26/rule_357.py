"""SSDA903 rule 357 (error): If this is the first episode ever for this child, reason for new episode must be S.  Check whether there is an episode immediately preceding this one, which has been left out.  If not the reason for new episode code must be amended to S.

Flags each child's first episode in the return (earliest valid DECOM) when it starts on or after
1 April of the collection year and its reason for new episode is not S (blank included). An
episode starting before the year may continue an earlier one, so is not flagged.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_start
from safeguard.returns.ssda903.expressions import first_episodes

CODE = "357"
MESSAGE = "If this is the first episode ever for this child, reason for new episode must be S.  Check whether there is an episode immediately preceding this one, which has been left out.  If not the reason for new episode code must be amended to S."


def check(submission: Submission) -> pl.DataFrame:
    """First episodes starting this year without RNE S."""
    first = first_episodes(submission).filter(
        (pl.col("DECOM") >= year_start(submission.year)) & pl.col("RNE").ne_missing(pl.lit("S"))
    )
    return flagged(first, "Episodes")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("RNE",),
    tables=("Episodes",),
    type="error",
    check=check,
)
