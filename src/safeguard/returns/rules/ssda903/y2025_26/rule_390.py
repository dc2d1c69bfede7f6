"""SSDA903 rule 390 (error): Reason episode ceased is adopted but child has not been previously placed for adoption.

Flags an episode ceasing by adoption (E11, E12) whose placement is not a placement for adoption
(A3-A6).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "390"
MESSAGE = "Reason episode ceased is adopted but child has not been previously placed for adoption."


ADOPTION = ("A3", "A4", "A5", "A6")


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        pl.col("REC").is_in(["E11", "E12"])
        & ~pl.col("PLACE").is_in(list(ADOPTION)).fill_null(value=False),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PLACE", "REC"),
    tables=("Episodes",),
    type="error",
    check=check,
)
