"""SSDA903 rule 384 (error): A child receiving respite care cannot be in a long-term foster placement

Flags an episode of respite care (legal status V3 or V4) in a long-term foster placement (U1 or
U4).
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import SHORT_BREAK_LEGAL_STATUSES
from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "384"
MESSAGE = "A child receiving respite care cannot be in a long-term foster placement"


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        pl.col("PLACE").is_in(["U1", "U4"]) & pl.col("LS").is_in(list(SHORT_BREAK_LEGAL_STATUSES)),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PLACE", "LS"),
    tables=("Episodes",),
    type="error",
    check=check,
)
