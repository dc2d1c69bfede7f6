"""SSDA903 rule INT31 (error): Internal Check: Child should only exist once in AD1.

Flags every AD1 row of a CHILD that has more than one row in AD1.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "INT31"
MESSAGE = "Internal Check: Child should only exist once in AD1."


def check(submission: Submission) -> pl.DataFrame:
    """The AD1 rows this rule flags."""
    return rows(
        submission,
        "AD1",
        pl.col("CHILD").is_not_null() & pl.col("CHILD").is_duplicated(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CHILD",),
    tables=("AD1",),
    type="error",
    check=check,
)
