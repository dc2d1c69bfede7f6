"""SSDA903 rule 383 (error): A child in a temporary placement must subsequently return to his/her normal placement.

Flags the episode after a temporary placement (T0-T4) when it does not return the child to the
placement before it: its reason for new episode must be P and its placement type and postcode
those of the episode before the temporary one. Blank values count as equal to blanks. Episodes
are held in child and date order.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import TEMPORARY_PLACEMENTS
from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import previous, rows

CODE = "383"
MESSAGE = "A child in a temporary placement must subsequently return to his/her normal placement."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        previous("PLACE").is_in(list(TEMPORARY_PLACEMENTS))
        & previous("CHILD", 2).is_not_null()
        & (
            pl.col("RNE").ne_missing(pl.lit("P"))
            | pl.col("PLACE").ne_missing(previous("PLACE", 2))
            | pl.col("PL_POST").ne_missing(previous("PL_POST", 2))
        ),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PLACE", "RNE", "PL_POST"),
    tables=("Episodes",),
    type="error",
    check=check,
)
