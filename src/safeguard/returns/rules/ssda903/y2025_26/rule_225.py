"""SSDA903 rule 225 (error): Reason for placement change must be recorded.

Flags an episode that ends in a change of placement (REC X1, the child's next episode by DECOM
has RNE P, B, T or U) with no reason for placement change, unless this or the next placement is
temporary (T0-T4).
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import TEMPORARY_PLACEMENTS
from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import following, rows

CODE = "225"
MESSAGE = "Reason for placement change must be recorded."


def check(submission: Submission) -> pl.DataFrame:
    """Placement changes (X1 to a P, B, T or U episode) with no reason recorded."""
    temporary = list(TEMPORARY_PLACEMENTS)
    return rows(
        submission,
        "Episodes",
        (pl.col("REC") == "X1")
        & pl.col("REASON_PLACE_CHANGE").is_null()
        & ~pl.col("PLACE").is_in(temporary).fill_null(value=False)
        & following("RNE").is_in(["P", "B", "T", "U"])
        & ~following("PLACE").is_in(temporary).fill_null(value=False),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("REASON_PLACE_CHANGE",),
    tables=("Episodes",),
    type="error",
    check=check,
)
