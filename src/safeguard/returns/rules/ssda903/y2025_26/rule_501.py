"""SSDA903 rule 501 (error): A new episode has started before the end date of the previous episode.

Flags an episode that starts before the child's previous episode (ordered by DECOM) ceased.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import previous, rows

CODE = "501"
MESSAGE = "A new episode has started before the end date of the previous episode."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes compared with the same child's previous episode (by DECOM, then file order)."""
    return rows(
        submission,
        "Episodes",
        pl.col("DECOM") < previous("DEC"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DECOM", "DEC"),
    tables=("Episodes",),
    type="error",
    check=check,
)
