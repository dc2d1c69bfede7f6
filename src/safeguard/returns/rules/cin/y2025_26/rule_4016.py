"""CIN census rule 4016 (error): A CIN Plan has been reported as open at the same time as a Child Protection Plan.

Flags CINplanDates rows whose CINPlanStartDate is on or after a child protection plan's CPPstartDate
and before its CPPendDate (or on or before the reference date if it has none).

A CIN plan may start on the day a child protection plan ends.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import starts_within
from safeguard.returns.engine import Rule, Submission

CODE = "4016"
MESSAGE = "A CIN Plan has been reported as open at the same time as a Child Protection Plan."


def check(submission: Submission) -> pl.DataFrame:
    """CINplanDates rows whose CINPlanStartDate is on or after a child protection plan's
    CPPstartDate and before its CPPendDate (or on or before the reference date if it has none)."""
    return starts_within(
        submission,
        "CINplanDates",
        "CINPlanStartDate",
        "ChildProtectionPlans",
        "CPPstartDate",
        "CPPendDate",
        open_runs_on=pl.lit(value=True),
        end_inclusive=False,
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CINPlanStartDate", "CPPstartDate", "CPPendDate"),
    tables=("CINplanDates", "ChildProtectionPlans"),
    type="error",
    check=check,
)
