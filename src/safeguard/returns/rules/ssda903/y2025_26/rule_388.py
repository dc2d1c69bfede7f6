"""SSDA903 rule 388 (error): Reason episode ceased is coded new episode begins, but there is no continuation episode.

Flags an episode ending X1 (new episode begins) when the child's next episode does not start
that day or there is no next episode this year, and an episode ending for another reason when
the next episode starts the same day. Episodes are held in child and date order.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import following, rows

CODE = "388"
MESSAGE = "Reason episode ceased is coded new episode begins, but there is no continuation episode."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes whose X1 (or other reason) does not match whether a new episode follows."""
    next_start = following("DECOM")
    last = pl.col("DECOM").is_not_null() & next_start.is_null()
    ended = pl.col("DEC").is_not_null() & pl.col("REC").is_not_null()
    x1 = pl.col("REC") == "X1"
    return rows(
        submission,
        "Episodes",
        (ended & ~last & x1 & (pl.col("DEC") != next_start))
        | (ended & ~last & ~x1 & (pl.col("DEC") == next_start))
        | (ended & last & x1),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("REC",),
    tables=("Episodes",),
    type="error",
    check=check,
)
