"""CIN census rule 4011 (error): CIN Plan End Date earlier than Start Date

Flags CINplanDates rows whose CINPlanEndDate is before their CINPlanStartDate.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "4011"
MESSAGE = "CIN Plan End Date earlier than Start Date"


def check(submission: Submission) -> pl.DataFrame:
    """CINplanDates rows whose CINPlanEndDate is before their CINPlanStartDate."""
    return rows(submission, "CINplanDates", pl.col("CINPlanEndDate") < pl.col("CINPlanStartDate"))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CINPlanEndDate", "CINPlanStartDate"),
    tables=("CINplanDates",),
    type="error",
    check=check,
)
