"""SSDA903 rule 376 (error): Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed three weeks.

Flags a temporary placement while the usual foster carer is on holiday (T3) lasting more than
three weeks (21 days), by its start and end dates (an open episode is not flagged).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "376"
MESSAGE = "Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed three weeks."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        (pl.col("PLACE") == "T3") & (pl.col("DEC") - pl.col("DECOM") > pl.duration(days=21)),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DECOM", "PLACE"),
    tables=("Episodes",),
    type="error",
    check=check,
)
