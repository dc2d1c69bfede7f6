"""CIN census rule 4017 (error): A CIN Plan has been reported as open at the same time as a Child Protection Plan.

Flags CINplanDates rows during which a child protection plan starts: a CPPstartDate on or after the
CINPlanStartDate and before the CINPlanEndDate (or on or before the reference date if it has none).

A child protection plan may start on the day a CIN plan ends. The DfE names the CINplanDates table,
so the CIN plan is flagged.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import starts_within
from safeguard.returns.engine import Rule, Submission

CODE = "4017"
MESSAGE = "A CIN Plan has been reported as open at the same time as a Child Protection Plan."


def check(submission: Submission) -> pl.DataFrame:
    """CINplanDates rows during which a child protection plan starts: a CPPstartDate on or after the
    CINPlanStartDate and before the CINPlanEndDate (or on or before the reference date if it has
    none)."""
    return starts_within(
        submission,
        "ChildProtectionPlans",
        "CPPstartDate",
        "CINplanDates",
        "CINPlanStartDate",
        "CINPlanEndDate",
        open_runs_on=pl.lit(value=True),
        end_inclusive=False,
        flag_periods=True,
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CINPlanStartDate", "CINPlanEndDate", "CPPstartDate"),
    tables=("CINplanDates", "ChildProtectionPlans"),
    type="error",
    check=check,
)
