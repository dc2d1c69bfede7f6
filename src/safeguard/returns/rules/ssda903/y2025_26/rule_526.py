"""SSDA903 rule 526 (error): Child is missing a placement provider code for at least one episode.

Flags an episode without a placement provider whose placement needs one (anything but T0-T4 and
Z11-Z14).
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import PLACE_WITHOUT_PROVIDER, TEMPORARY_PLACEMENTS
from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "526"
MESSAGE = "Child is missing a placement provider code for at least one episode."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        ~pl.col("PLACE")
        .is_in(list(TEMPORARY_PLACEMENTS | PLACE_WITHOUT_PROVIDER))
        .fill_null(value=False)
        & pl.col("PLACE_PROVIDER").is_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PLACE", "PLACE_PROVIDER"),
    tables=("Episodes",),
    type="error",
    check=check,
)
