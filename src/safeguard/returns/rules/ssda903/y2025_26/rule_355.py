"""SSDA903 rule 355 (error): Episode appears to have lasted for less than 24 hours

Flags an episode that ceased on the day it began (both valid dates).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "355"
MESSAGE = "Episode appears to have lasted for less than 24 hours"


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        pl.col("DEC") == pl.col("DECOM"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DECOM", "DEC"),
    tables=("Episodes",),
    type="error",
    check=check,
)
