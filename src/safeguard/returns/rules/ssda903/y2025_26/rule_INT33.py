"""SSDA903 rule INT33 (error): Internal Check: Child should only exist once in OC2.

Flags every OC2 row of a CHILD that has more than one row in OC2.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "INT33"
MESSAGE = "Internal Check: Child should only exist once in OC2."


def check(submission: Submission) -> pl.DataFrame:
    """The OC2 rows this rule flags."""
    return rows(
        submission,
        "OC2",
        pl.col("CHILD").is_not_null() & pl.col("CHILD").is_duplicated(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CHILD",),
    tables=("OC2",),
    type="error",
    check=check,
)
