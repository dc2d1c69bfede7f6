"""SSDA903 rule 408 (error): Child is placed for adoption with a placement order, but no placement order has been recorded.

Flags an episode placed for adoption with a placement order (A5, A6) whose legal status is not a
placement order (E1), blank included.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "408"
MESSAGE = (
    "Child is placed for adoption with a placement order, but no placement order has been recorded."
)


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        pl.col("PLACE").is_in(["A5", "A6"]) & pl.col("LS").ne_missing(pl.lit("E1")),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PLACE", "LS"),
    tables=("Episodes",),
    type="error",
    check=check,
)
