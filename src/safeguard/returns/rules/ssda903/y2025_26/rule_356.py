"""SSDA903 rule 356 (error): The date the episode ceased is before the date the same episode started.

Flags an episode that ceased before it began (both valid dates).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "356"
MESSAGE = "The date the episode ceased is before the date the same episode started."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        pl.col("DEC") < pl.col("DECOM"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DECOM",),
    tables=("Episodes",),
    type="error",
    check=check,
)
