"""CIN census rule 1560Q (query): Please check and either amend or provide a reason: Former UPN wrongly formatted

Flags ChildIdentifiers rows with a FormerUPN not in the UPN format of the DfE data table (the XSD's
upntype): a letter, eleven digits, then a digit or a letter.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "1560Q"
MESSAGE = "Please check and either amend or provide a reason: Former UPN wrongly formatted"


def check(submission: Submission) -> pl.DataFrame:
    """ChildIdentifiers rows whose FormerUPN is not in the UPN format."""
    return rows(
        submission,
        "ChildIdentifiers",
        pl.col("FormerUPN").is_not_null()
        & ~pl.col("FormerUPN").str.contains(r"^[A-Za-z]\d{11}[0-9A-Za-z]$"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("FormerUPN",),
    tables=("ChildIdentifiers",),
    type="query",
    check=check,
)
