"""CIN census rule 4013 (error): CIN Plan end date must fall within the census year

Flags CINplanDates rows whose CINPlanEndDate is outside the collection year (1 April to the 31 March
reference date).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import outside_year, rows
from safeguard.returns.engine import Rule, Submission

CODE = "4013"
MESSAGE = "CIN Plan end date must fall within the census year"


def check(submission: Submission) -> pl.DataFrame:
    """CINplanDates rows whose CINPlanEndDate is outside the collection year (1 April to the 31
    March reference date)."""
    return rows(submission, "CINplanDates", outside_year("CINPlanEndDate", submission.year))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CINPlanEndDate", "ReferenceDate"),
    tables=("CINplanDates",),
    type="error",
    check=check,
)
