"""CIN census rule 8510 (error): More than one child record with the same LA Child ID

Flags ChildIdentifiers rows whose LAchildID another child record also has (every such row).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8510"
MESSAGE = "More than one child record with the same LA Child ID"


def check(submission: Submission) -> pl.DataFrame:
    """ChildIdentifiers rows whose LAchildID another child record also has (every such row)."""
    return rows(
        submission,
        "ChildIdentifiers",
        pl.col("LAchildID").is_not_null() & pl.col("LAchildID").is_duplicated(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("LAchildID",),
    tables=("ChildIdentifiers",),
    type="error",
    check=check,
)
