"""CIN census rule 8545Q (query): Please check and either amend data or provide a reason: Child's date of death should be within the census year

Flags ChildIdentifiers rows whose PersonDeathDate is outside the collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import outside_year, rows
from safeguard.returns.engine import Rule, Submission

CODE = "8545Q"
MESSAGE = "Please check and either amend data or provide a reason: Child's date of death should be within the census year"


def check(submission: Submission) -> pl.DataFrame:
    """ChildIdentifiers rows whose PersonDeathDate is outside the collection year."""
    return rows(submission, "ChildIdentifiers", outside_year("PersonDeathDate", submission.year))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PersonDeathDate",),
    tables=("ChildIdentifiers",),
    type="query",
    check=check,
)
