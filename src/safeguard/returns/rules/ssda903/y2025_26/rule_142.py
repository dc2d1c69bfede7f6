"""SSDA903 rule 142 (error): A new episode has started, but the previous episode has not ended.

For each child, every episode with a valid start date except the latest (by DECOM) must have a
date and a reason ceased. Episodes without a valid DECOM or CHILD are left to rules 141 and the
integrity checks.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import following, rows

CODE = "142"
MESSAGE = "A new episode has started, but the previous episode has not ended."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes, other than each child's latest dated one, with no date or reason ceased."""
    # Episodes are sorted by child then DECOM, blanks last: an episode is not the child's latest
    # dated one when the same child's next row has a DECOM.
    return rows(
        submission,
        "Episodes",
        pl.col("DECOM").is_not_null()
        & following("DECOM").is_not_null()
        & (pl.col("DEC").is_null() | pl.col("REC").is_null()),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DEC", "REC"),
    tables=("Episodes",),
    type="error",
    check=check,
)
