"""SSDA903 rule 708 (error): Dates of DoLOs are before child’s date of birth.

Flags DoLo rows whose DOLO_START is on or before the child's date of birth (the DoLo
row's DOB): the DfE's condition is that DOLO_START must be after DOB.
"""

# ruff: noqa: RUF001, RUF002  (the DfE message uses a typographic apostrophe, kept exactly)
from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "708"
MESSAGE = "Dates of DoLOs are before child’s date of birth."


def check(submission: Submission) -> pl.DataFrame:
    """DoLo rows starting on or before the child's birth."""
    return rows(submission, "DoLo", pl.col("DOLO_START") <= pl.col("DOB"))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOLO_START",),
    tables=("DoLo",),
    type="error",
    check=check,
)
