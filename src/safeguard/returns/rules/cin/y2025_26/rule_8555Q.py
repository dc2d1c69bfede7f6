"""CIN census rule 8555Q (query): Child cannot be referred after its recorded date of death

Flags CINdetails rows whose CINreferralDate is after the child's PersonDeathDate.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import child_rows
from safeguard.returns.engine import Rule, Submission

CODE = "8555Q"
MESSAGE = "Child cannot be referred after its recorded date of death"


def check(submission: Submission) -> pl.DataFrame:
    """CINdetails rows whose CINreferralDate is after the child's PersonDeathDate."""
    return child_rows(
        submission, "CINdetails", pl.col("CINreferralDate") > pl.col("PersonDeathDate")
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PersonDeathDate", "CINreferralDate"),
    tables=("CINdetails", "ChildIdentifiers"),
    type="query",
    check=check,
)
