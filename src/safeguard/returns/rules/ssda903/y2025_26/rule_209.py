"""SSDA903 rule 209 (error): Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN) code of UN1.

Flags a Header row with UPN UN1 for a child of school age: 4 or over on 31 August of the year
before the collection year starts (31 August 2024 for 2025/26).
"""

from __future__ import annotations

from datetime import date

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "209"
MESSAGE = "Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN) code of UN1."


def check(submission: Submission) -> pl.DataFrame:
    """The Header rows this rule flags."""
    return rows(
        submission,
        "Header",
        (pl.col("UPN") == "UN1")
        & (pl.col("DOB").dt.offset_by("4y") <= pl.lit(date(int(submission.year[:4]) - 1, 8, 31))),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("UPN", "DOB"),
    tables=("Header",),
    type="error",
    check=check,
)
