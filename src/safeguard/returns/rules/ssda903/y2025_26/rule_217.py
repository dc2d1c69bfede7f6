"""SSDA903 rule 217 (error): Children who are placed for adoption with current foster carers (placement types A3 or A5) must have a reason for new episode of S, T or U.

Flags an episode placed for adoption with current foster carers (A3, A5), starting on or after 1
April 2015, whose reason for new episode is not S, T or U (blank included).
"""

from __future__ import annotations

from datetime import date

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "217"
MESSAGE = "Children who are placed for adoption with current foster carers (placement types A3 or A5) must have a reason for new episode of S, T or U."


FROM = date(2015, 4, 1)


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        pl.col("PLACE").is_in(["A3", "A5"])
        & (pl.col("DECOM") >= pl.lit(FROM))
        & ~pl.col("RNE").is_in(["S", "T", "U"]).fill_null(value=False),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PLACE", "DECOM", "RNE"),
    tables=("Episodes",),
    type="error",
    check=check,
)
