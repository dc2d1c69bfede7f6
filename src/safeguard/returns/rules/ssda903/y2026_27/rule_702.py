"""SSDA903 rule 702 (error): The date that the DoLO ended is before the date that it started.

Flags DoLo rows whose DOLO_END is before their DOLO_START (both valid dates).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "702"
MESSAGE = "The date that the DoLO ended is before the date that it started."


def check(submission: Submission) -> pl.DataFrame:
    """DoLo rows ending before they start."""
    return rows(submission, "DoLo", pl.col("DOLO_END") < pl.col("DOLO_START"))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOLO_START", "DOLO_END"),
    tables=("DoLo",),
    type="error",
    check=check,
)
