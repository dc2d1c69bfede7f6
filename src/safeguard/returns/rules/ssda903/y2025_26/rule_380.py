"""SSDA903 rule 380 (error): A period of care cannot start with a temporary placement.

Flags an episode in a temporary placement (T0-T4) whose reason for new episode is not a change
of placement (P or B), so it starts or changes a period of care in a temporary placement; a
blank RNE is flagged too.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import TEMPORARY_PLACEMENTS
from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "380"
MESSAGE = "A period of care cannot start with a temporary placement."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        pl.col("PLACE").is_in(list(TEMPORARY_PLACEMENTS))
        & ~pl.col("RNE").is_in(["P", "B"]).fill_null(value=False),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PLACE", "RNE"),
    tables=("Episodes",),
    type="error",
    check=check,
)
