"""CIN census rule 8715 (error): Date of Initial Child Protection Conference must fall within the census year

Flags Section47 rows whose DateOfInitialCPC is outside the collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import outside_year, rows
from safeguard.returns.engine import Rule, Submission

CODE = "8715"
MESSAGE = "Date of Initial Child Protection Conference must fall within the census year"


def check(submission: Submission) -> pl.DataFrame:
    """Section47 rows whose DateOfInitialCPC is outside the collection year."""
    return rows(submission, "Section47", outside_year("DateOfInitialCPC", submission.year))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DateOfInitialCPC", "ReferenceDate"),
    tables=("Section47",),
    type="error",
    check=check,
)
