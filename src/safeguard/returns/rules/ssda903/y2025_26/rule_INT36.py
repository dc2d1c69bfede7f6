"""SSDA903 rule INT36 (error): Internal Check: Child should only exist once in UASC.

Flags every UASC row of a CHILD that has more than one row in UASC.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "INT36"
MESSAGE = "Internal Check: Child should only exist once in UASC."


def check(submission: Submission) -> pl.DataFrame:
    """The UASC rows this rule flags."""
    return rows(
        submission,
        "UASC",
        pl.col("CHILD").is_not_null() & pl.col("CHILD").is_duplicated(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CHILD",),
    tables=("UASC",),
    type="error",
    check=check,
)
