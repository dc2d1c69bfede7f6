"""SSDA903 rule 226 (error): Reason for placement change is not required for temporary placements.

Flags an episode in a temporary placement (T0-T4) whose reason for placement change is given, or
whose child's previous episode (by DECOM) has one: the change into or out of a temporary
placement needs no reason.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import TEMPORARY_PLACEMENTS
from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import previous, rows

CODE = "226"
MESSAGE = "Reason for placement change is not required for temporary placements."


def check(submission: Submission) -> pl.DataFrame:
    """Temporary placements with a reason for change on them or on the episode before."""
    previous_reason = previous("REASON_PLACE_CHANGE")
    return rows(
        submission,
        "Episodes",
        pl.col("PLACE").is_in(list(TEMPORARY_PLACEMENTS))
        & (pl.col("REASON_PLACE_CHANGE").is_not_null() | previous_reason.is_not_null()),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("REASON_PLACE_CHANGE", "PLACE"),
    tables=("Episodes",),
    type="error",
    check=check,
)
