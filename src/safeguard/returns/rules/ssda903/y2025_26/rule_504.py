"""SSDA903 rule 504 (error): The category of need code differs from that reported at start of current period of being looked after

Flags an episode whose category of need (CIN) differs from the same child's previous episode
when that episode ceased with X1 (a new episode the same day) on this one's start date: the
category of need is fixed at the start of a period of being looked after. Each episode is
compared with the one before it, as the DfE states the rule.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import previous, rows

CODE = "504"
MESSAGE = "The category of need code differs from that reported at start of current period of being looked after"


def check(submission: Submission) -> pl.DataFrame:
    """Episodes continuing a period of care with a different CIN."""
    continues = (previous("REC") == "X1") & (previous("DEC") == pl.col("DECOM"))
    return rows(submission, "Episodes", continues & pl.col("CIN").ne_missing(previous("CIN")))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CIN",),
    tables=("Episodes",),
    type="error",
    check=check,
)
