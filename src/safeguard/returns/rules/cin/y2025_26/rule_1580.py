"""CIN census rule 1580 (error): LA Child ID must not contain any non-alphanumeric characters

Flags ChildIdentifiers rows whose LAchildID has a character other than a letter or digit.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "1580"
MESSAGE = "LA Child ID must not contain any non-alphanumeric characters"


def check(submission: Submission) -> pl.DataFrame:
    """ChildIdentifiers rows whose LAchildID has a character other than a letter or digit."""
    return rows(
        submission, "ChildIdentifiers", ~pl.col("LAchildID").str.contains(r"^[A-Za-z0-9]+$")
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("LAchildID",),
    tables=("ChildIdentifiers",),
    type="error",
    check=check,
)
