"""SSDA903 rule 574 (error): A new missing/away from placement without authorisation period cannot start when the previous missing/away from placement without authorisation period is still open. Missing/away from placement without authorisation periods should also not overlap.

Flags a missing or away period that starts while the child's previous period (by start date) is
still open, or before it ended. Missing periods are held in child and start-date order.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import previous, rows

CODE = "574"
MESSAGE = "A new missing/away from placement without authorisation period cannot start when the previous missing/away from placement without authorisation period is still open. Missing/away from placement without authorisation periods should also not overlap."


def check(submission: Submission) -> pl.DataFrame:
    """The Missing rows this rule flags."""
    return rows(
        submission,
        "Missing",
        pl.col("MIS_START").is_not_null()
        & (previous("MIS_START").is_not_null())
        & (previous("MIS_END__text").is_null() | (pl.col("MIS_START") < previous("MIS_END"))),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("MIS_START", "MIS_END"),
    tables=("Missing",),
    type="error",
    check=check,
)
