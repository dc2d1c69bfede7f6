"""CIN census rule 4014 (error): CIN Plan data contains overlapping dates

Flags CINplanDates rows whose CINPlanStartDate falls within another CIN plan of the same child (its
start to its end, or to the reference date if it has none).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import starts_inside_another
from safeguard.returns.engine import Rule, Submission

CODE = "4014"
MESSAGE = "CIN Plan data contains overlapping dates"


def check(submission: Submission) -> pl.DataFrame:
    """CINplanDates rows whose CINPlanStartDate falls within another CIN plan of the same child (its
    start to its end, or to the reference date if it has none)."""
    return starts_inside_another(
        submission,
        "CINplanDates",
        "CINPlanStartDate",
        "CINPlanEndDate",
        open_runs_on=pl.lit(value=True),
        end_inclusive=True,
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CINPlanStartDate", "CINPlanEndDate"),
    tables=("CINplanDates",),
    type="error",
    check=check,
)
