"""SSDA903 rule 431 (error): The reason for new episode is started to be looked after, but the previous episode ended on the same day.

Flags an episode that starts a new period of care (RNE S) on the day the child's previous
episode ceased: that is a continuation, not a new period.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import previous, rows

CODE = "431"
MESSAGE = "The reason for new episode is started to be looked after, but the previous episode ended on the same day."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes compared with the same child's previous episode (by DECOM, then file order)."""
    return rows(
        submission,
        "Episodes",
        (pl.col("RNE") == "S") & (previous("DEC") == pl.col("DECOM")),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("RNE", "DECOM"),
    tables=("Episodes",),
    type="error",
    check=check,
)
