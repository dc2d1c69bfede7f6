"""CIN census rule 4010 (error): CIN Plan start date is missing or out of data collection period

Flags CINplanDates rows with no CINPlanStartDate or one after the 31 March reference date.

A plan may start before the collection year and still be open in it, so only a start after the
reference date is out of period.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission, year_end

CODE = "4010"
MESSAGE = "CIN Plan start date is missing or out of data collection period"


def check(submission: Submission) -> pl.DataFrame:
    """CINplanDates rows with no CINPlanStartDate or one after the 31 March reference date."""
    return rows(
        submission,
        "CINplanDates",
        pl.col("CINPlanStartDate").is_null()
        | (pl.col("CINPlanStartDate") > year_end(submission.year)),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CINPlanStartDate",),
    tables=("CINplanDates",),
    type="error",
    check=check,
)
