"""CIN census rule 1570 (error): LA Child ID must not be longer than 20 characters

Flags ChildIdentifiers rows whose LAchildID is longer than 20 characters.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "1570"
MESSAGE = "LA Child ID must not be longer than 20 characters"


def check(submission: Submission) -> pl.DataFrame:
    """ChildIdentifiers rows whose LAchildID is longer than 20 characters."""
    return rows(submission, "ChildIdentifiers", pl.col("LAchildID").str.len_chars() > 20)


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("LAchildID",),
    tables=("ChildIdentifiers",),
    type="error",
    check=check,
)
