"""SSDA903 rule 432 (error): The child ceased to be looked after at the end of the previous episode but the reason for the new episode is not started to be looked after.

Flags an episode whose reason for new episode is not S although the child's previous episode
ended the period of care (a reason ceased other than X1).
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import codes_for
from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import previous, rows

CODE = "432"
MESSAGE = "The child ceased to be looked after at the end of the previous episode but the reason for the new episode is not started to be looked after."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes compared with the same child's previous episode (by DECOM, then file order)."""
    # Every reason ceased but X1 (episode ends and a new one begins) ends the period of care.
    ceased_care = [code for code in codes_for("REC", submission.year) if code != "X1"]
    return rows(
        submission,
        "Episodes",
        (pl.col("RNE") != "S") & previous("REC").is_in(ceased_care),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("RNE",),
    tables=("Episodes",),
    type="error",
    check=check,
)
