"""SSDA903 rule 304 (error): Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th birthday of a child.

Flags a UASC row whose date UASC status ceased is after the child's 18th birthday (the DOB on
the same row).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "304"
MESSAGE = "Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th birthday of a child."


def check(submission: Submission) -> pl.DataFrame:
    """The UASC rows this rule flags."""
    return rows(
        submission,
        "UASC",
        pl.col("DUC") > pl.col("DOB").dt.offset_by("18y"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DUC",),
    tables=("UASC",),
    type="error",
    check=check,
)
