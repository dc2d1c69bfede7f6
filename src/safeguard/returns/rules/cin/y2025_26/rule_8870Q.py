"""CIN census rule 8870Q (query): Please check and either amend or provide a reason: The Target Date for Initial Child Protection Conference should not be a weekend

Flags Section47 rows whose InitialCPCtarget is a Saturday or Sunday.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows, weekend
from safeguard.returns.engine import Rule, Submission

CODE = "8870Q"
MESSAGE = "Please check and either amend or provide a reason: The Target Date for Initial Child Protection Conference should not be a weekend"


def check(submission: Submission) -> pl.DataFrame:
    """Section47 rows whose InitialCPCtarget is a Saturday or Sunday."""
    return rows(submission, "Section47", weekend("InitialCPCtarget"))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("InitialCPCtarget",),
    tables=("Section47",),
    type="query",
    check=check,
)
