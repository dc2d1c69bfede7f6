"""SSDA903 rule 375 (error): Hospitalisation coded as a temporary placement exceeds six weeks.

Flags a temporary placement in hospital (T1) lasting more than six weeks (42 days), by its start
and end dates (an open episode is not flagged).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "375"
MESSAGE = "Hospitalisation coded as a temporary placement exceeds six weeks."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        (pl.col("PLACE") == "T1") & (pl.col("DEC") - pl.col("DECOM") > pl.duration(days=42)),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DECOM", "PLACE"),
    tables=("Episodes",),
    type="error",
    check=check,
)
