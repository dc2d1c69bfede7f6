"""SSDA903 rule 378 (error): A child who is placed with parent(s) cannot be looked after under a single period of accommodation under Section 20 of the Children Act 1989.

Flags an episode placed with parents (P1) under a single period of section 20 accommodation
(V2).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "378"
MESSAGE = "A child who is placed with parent(s) cannot be looked after under a single period of accommodation under Section 20 of the Children Act 1989."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        (pl.col("PLACE") == "P1") & (pl.col("LS") == "V2"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PLACE", "LS"),
    tables=("Episodes",),
    type="error",
    check=check,
)
