"""CIN census rule 4012Q (query): Please check and either amend or provide a reason: CIN Plan shown as starting and ending on the same day

Flags CINplanDates rows that start and end on the same day.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "4012Q"
MESSAGE = "Please check and either amend or provide a reason: CIN Plan shown as starting and ending on the same day"


def check(submission: Submission) -> pl.DataFrame:
    """CINplanDates rows that start and end on the same day."""
    return rows(submission, "CINplanDates", pl.col("CINPlanStartDate") == pl.col("CINPlanEndDate"))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CINPlanStartDate", "CINPlanEndDate"),
    tables=("CINplanDates",),
    type="query",
    check=check,
)
