"""SSDA903 rule 382 (error): A child receiving respite care cannot be in a temporary placement.

Flags an episode of respite care (legal status V3 or V4) in a temporary placement (T0-T4).
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import SHORT_BREAK_LEGAL_STATUSES, TEMPORARY_PLACEMENTS
from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "382"
MESSAGE = "A child receiving respite care cannot be in a temporary placement."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        pl.col("PLACE").is_in(list(TEMPORARY_PLACEMENTS))
        & pl.col("LS").is_in(list(SHORT_BREAK_LEGAL_STATUSES)),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("LS", "PLACE"),
    tables=("Episodes",),
    type="error",
    check=check,
)
