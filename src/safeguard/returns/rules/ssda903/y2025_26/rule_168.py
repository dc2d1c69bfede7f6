"""SSDA903 rule 168 (error): Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5.

Flags a Header row whose UPN is given but is neither a UPN (a letter other than I, O or S, then
12 digits or 11 digits and a letter) nor UN1-UN5.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "168"
MESSAGE = "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5."


PATTERN = r"^(?:[A-HJ-NP-RT-Z](?:[0-9]{12}|[0-9]{11}[A-Z])|UN[1-5])$"


def check(submission: Submission) -> pl.DataFrame:
    """The Header rows this rule flags."""
    return rows(
        submission,
        "Header",
        pl.col("UPN").is_not_null() & ~pl.col("UPN").str.contains(PATTERN),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("UPN",),
    tables=("Header",),
    type="error",
    check=check,
)
