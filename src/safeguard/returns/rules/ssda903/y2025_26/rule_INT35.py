"""SSDA903 rule INT35 (error): Internal Check: Child should only exist once in PrevPerm.

Flags every PrevPerm row of a CHILD that has more than one row in PrevPerm.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "INT35"
MESSAGE = "Internal Check: Child should only exist once in PrevPerm."


def check(submission: Submission) -> pl.DataFrame:
    """The PrevPerm rows this rule flags."""
    return rows(
        submission,
        "PrevPerm",
        pl.col("CHILD").is_not_null() & pl.col("CHILD").is_duplicated(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CHILD",),
    tables=("PrevPerm",),
    type="error",
    check=check,
)
