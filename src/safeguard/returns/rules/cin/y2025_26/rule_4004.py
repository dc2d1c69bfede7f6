"""CIN census rule 4004 (error): This child is showing more than one open CIN Plan, i.e. with no End Date

Flags CINplanDates rows with no CINPlanEndDate, for children with more than one such plan.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import open_twice, rows
from safeguard.returns.engine import Rule, Submission

CODE = "4004"
MESSAGE = "This child is showing more than one open CIN Plan, i.e. with no End Date"


def check(submission: Submission) -> pl.DataFrame:
    """CINplanDates rows with no CINPlanEndDate, for children with more than one such plan."""
    return rows(submission, "CINplanDates", open_twice("CINPlanEndDate"))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CINPlanEndDate",),
    tables=("CINplanDates",),
    type="error",
    check=check,
)
