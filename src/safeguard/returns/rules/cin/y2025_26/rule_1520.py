"""CIN census rule 1520 (error): More than one record with the same UPN.

Flags ChildIdentifiers rows whose UPN is given on more than one child.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "1520"
MESSAGE = "More than one record with the same UPN."


def check(submission: Submission) -> pl.DataFrame:
    """ChildIdentifiers rows whose UPN is given on more than one child."""
    return rows(
        submission, "ChildIdentifiers", pl.col("UPN").is_not_null() & pl.col("UPN").is_duplicated()
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("UPN",),
    tables=("ChildIdentifiers",),
    type="error",
    check=check,
)
