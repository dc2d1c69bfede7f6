"""CIN census rule 2889 (error): The S47 start date cannot be before the referral date.

Flags Section47 rows whose S47ActualStartDate is before their CIN episode's CINreferralDate.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import episode_rows
from safeguard.returns.engine import Rule, Submission

CODE = "2889"
MESSAGE = "The S47 start date cannot be before the referral date."


def check(submission: Submission) -> pl.DataFrame:
    """Section47 rows whose S47ActualStartDate is before their CIN episode's CINreferralDate."""
    return episode_rows(
        submission, "Section47", pl.col("S47ActualStartDate") < pl.col("CINreferralDate")
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("S47ActualStartDate", "CINreferralDate"),
    tables=("Section47", "CINdetails"),
    type="error",
    check=check,
)
