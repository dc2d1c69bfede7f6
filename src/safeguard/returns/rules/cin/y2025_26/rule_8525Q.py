"""CIN census rule 8525Q (query): Either Date of Birth or Expected Date of Birth must be provided (but not both)

Flags ChildIdentifiers rows with both or neither of PersonBirthDate and ExpectedPersonBirthDate.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8525Q"
MESSAGE = "Either Date of Birth or Expected Date of Birth must be provided (but not both)"


def check(submission: Submission) -> pl.DataFrame:
    """ChildIdentifiers rows with both or neither of PersonBirthDate and ExpectedPersonBirthDate."""
    return rows(
        submission,
        "ChildIdentifiers",
        pl.col("PersonBirthDate").is_null() == pl.col("ExpectedPersonBirthDate").is_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PersonBirthDate", "ExpectedPersonBirthDate"),
    tables=("ChildIdentifiers",),
    type="query",
    check=check,
)
