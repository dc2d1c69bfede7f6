"""SSDA903 rule 433 (error): The reason for new episode suggests that this is a continuation episode, but the episode does not start on the same day as the last episode finished.

Flags a continuation episode (RNE P, L, T, U or B) that does not start on the day the child's
previous episode this year ceased (or either date is missing). A child's first episode this year
is not checked here (its predecessor is in last year's return).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import previous, rows

CODE = "433"
MESSAGE = "The reason for new episode suggests that this is a continuation episode, but the episode does not start on the same day as the last episode finished."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes compared with the same child's previous episode (by DECOM, then file order)."""
    return rows(
        submission,
        "Episodes",
        pl.col("RNE").is_in(["P", "L", "T", "U", "B"])
        & previous("CHILD").is_not_null()
        & previous("DEC").ne_missing(pl.col("DECOM")).fill_null(value=True),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("RNE", "DECOM"),
    tables=("Episodes",),
    type="error",
    check=check,
)
