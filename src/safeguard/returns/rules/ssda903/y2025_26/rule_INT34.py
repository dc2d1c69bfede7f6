"""SSDA903 rule INT34 (error): Internal Check: Child should only exist once in OC3.

Flags every OC3 row of a CHILD that has more than one row in OC3.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "INT34"
MESSAGE = "Internal Check: Child should only exist once in OC3."


def check(submission: Submission) -> pl.DataFrame:
    """The OC3 rows this rule flags."""
    return rows(
        submission,
        "OC3",
        pl.col("CHILD").is_not_null() & pl.col("CHILD").is_duplicated(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CHILD",),
    tables=("OC3",),
    type="error",
    check=check,
)
