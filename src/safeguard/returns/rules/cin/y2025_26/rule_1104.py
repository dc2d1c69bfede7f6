"""CIN census rule 1104 (error): The date of the initial child protection conference cannot be before the referral date

Flags Section47 rows whose DateOfInitialCPC is before their CIN episode's CINreferralDate.

The DfE names the Section47 table, so only the S47 conference date is checked here.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import episode_rows
from safeguard.returns.engine import Rule, Submission

CODE = "1104"
MESSAGE = "The date of the initial child protection conference cannot be before the referral date"


def check(submission: Submission) -> pl.DataFrame:
    """Section47 rows whose DateOfInitialCPC is before their CIN episode's CINreferralDate."""
    return episode_rows(
        submission, "Section47", pl.col("DateOfInitialCPC") < pl.col("CINreferralDate")
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CINreferralDate", "DateOfInitialCPC"),
    tables=("Section47", "CINdetails"),
    type="error",
    check=check,
)
