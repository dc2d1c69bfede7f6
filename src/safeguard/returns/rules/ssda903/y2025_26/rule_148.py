"""SSDA903 rule 148 (error): Date episode ceased and reason episode ceased must both be coded, or both left blank.

Flags an episode with a date ceased written but no reason ceased, or a reason ceased but no date
ceased.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "148"
MESSAGE = "Date episode ceased and reason episode ceased must both be coded, or both left blank."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        pl.col("DEC__text").is_null() != pl.col("REC").is_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DEC", "REC"),
    tables=("Episodes",),
    type="error",
    check=check,
)
