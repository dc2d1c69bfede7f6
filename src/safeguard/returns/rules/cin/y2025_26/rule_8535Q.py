"""CIN census rule 8535Q (query): Please check and either amend data or provide a reason: Child's date of death should not be prior to the date of birth

Flags ChildIdentifiers rows whose PersonDeathDate is before their PersonBirthDate.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8535Q"
MESSAGE = "Please check and either amend data or provide a reason: Child\u2019s date of death should not be prior to the date of birth"


def check(submission: Submission) -> pl.DataFrame:
    """ChildIdentifiers rows whose PersonDeathDate is before their PersonBirthDate."""
    return rows(
        submission, "ChildIdentifiers", pl.col("PersonDeathDate") < pl.col("PersonBirthDate")
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PersonDeathDate", "PersonBirthDate"),
    tables=("ChildIdentifiers",),
    type="query",
    check=check,
)
