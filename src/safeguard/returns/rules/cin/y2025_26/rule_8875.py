"""CIN census rule 8875 (error): The Date of Initial Child Protection Conference cannot be a weekend

Flags Section47 rows whose DateOfInitialCPC is a Saturday or Sunday.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows, weekend
from safeguard.returns.engine import Rule, Submission

CODE = "8875"
MESSAGE = "The Date of Initial Child Protection Conference cannot be a weekend"


def check(submission: Submission) -> pl.DataFrame:
    """Section47 rows whose DateOfInitialCPC is a Saturday or Sunday."""
    return rows(submission, "Section47", weekend("DateOfInitialCPC"))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DateOfInitialCPC",),
    tables=("Section47",),
    type="error",
    check=check,
)
