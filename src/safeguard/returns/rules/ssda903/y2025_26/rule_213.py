"""SSDA903 rule 213 (error): Placement provider information not required.

Flags an episode with a placement provider in a placement that has none: temporary placements
T0-T4 and other placements Z11-Z14.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import PLACE_WITHOUT_PROVIDER, TEMPORARY_PLACEMENTS
from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "213"
MESSAGE = "Placement provider information not required."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        pl.col("PLACE").is_in(list(TEMPORARY_PLACEMENTS | PLACE_WITHOUT_PROVIDER))
        & pl.col("PLACE_PROVIDER").is_not_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PLACE_PROVIDER",),
    tables=("Episodes",),
    type="error",
    check=check,
)
