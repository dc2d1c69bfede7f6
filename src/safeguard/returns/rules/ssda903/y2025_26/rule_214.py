"""SSDA903 rule 214 (error): Placement location information not required.

Flags a short-break episode (legal status V3 or V4) that records a placement postcode or Ofsted
URN.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import SHORT_BREAK_LEGAL_STATUSES
from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "214"
MESSAGE = "Placement location information not required."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        pl.col("LS").is_in(list(SHORT_BREAK_LEGAL_STATUSES))
        & (pl.col("PL_POST").is_not_null() | pl.col("URN").is_not_null()),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PL_POST", "URN"),
    tables=("Episodes",),
    type="error",
    check=check,
)
