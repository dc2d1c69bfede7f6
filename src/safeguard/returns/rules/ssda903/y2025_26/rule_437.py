"""SSDA903 rule 437 (error): Reason episode ceased is child has died or is aged 18 or over but there are further episodes.

Flags an episode ceasing because the child died (E2) or for E15 that is followed by another of
the same child's episodes (episodes are held in child and date order).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "437"
MESSAGE = (
    "Reason episode ceased is child has died or is aged 18 or over but there are further episodes."
)


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        pl.col("DECOM").is_not_null()
        & pl.col("REC").is_in(["E2", "E15"])
        & (pl.col("CHILD") == pl.col("CHILD").shift(-1)).fill_null(value=False),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("REC",),
    tables=("Episodes",),
    type="error",
    check=check,
)
