"""SSDA903 rule 444 (error): Duplicate UPN has been reported

Flags every Header row whose UPN is given, is not an unknown code (UN1-UN5) and appears on more
than one row.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import UPN_UNKNOWN_903
from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "444"
MESSAGE = "Duplicate UPN has been reported"


def check(submission: Submission) -> pl.DataFrame:
    """The Header rows this rule flags."""
    return rows(
        submission,
        "Header",
        pl.col("UPN").is_not_null()
        & ~pl.col("UPN").is_in(list(UPN_UNKNOWN_903))
        & pl.col("UPN").is_duplicated(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("UPN",),
    tables=("Header",),
    type="error",
    check=check,
)
