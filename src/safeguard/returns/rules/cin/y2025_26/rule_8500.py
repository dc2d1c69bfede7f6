"""CIN census rule 8500 (error): LA Child ID missing

Flags ChildIdentifiers rows with no LAchildID.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8500"
MESSAGE = "LA Child ID missing"


def check(submission: Submission) -> pl.DataFrame:
    """ChildIdentifiers rows with no LAchildID."""
    return rows(submission, "ChildIdentifiers", pl.col("LAchildID").is_null())


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("LAchildID",),
    tables=("ChildIdentifiers",),
    type="error",
    check=check,
)
