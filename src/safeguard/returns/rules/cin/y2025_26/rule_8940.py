"""CIN census rule 8940 (error): Child Protection Plan data contains overlapping dates

Flags ChildProtectionPlans rows whose CPPstartDate falls within another plan of the same child (its
start to its end, or to the reference date if it has none).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import starts_inside_another
from safeguard.returns.engine import Rule, Submission

CODE = "8940"
MESSAGE = "Child Protection Plan data contains overlapping dates"


def check(submission: Submission) -> pl.DataFrame:
    """ChildProtectionPlans rows whose CPPstartDate falls within another plan of the same child (its
    start to its end, or to the reference date if it has none)."""
    return starts_inside_another(
        submission,
        "ChildProtectionPlans",
        "CPPstartDate",
        "CPPendDate",
        open_runs_on=pl.lit(value=True),
        end_inclusive=True,
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CPPstartDate", "CPPendDate"),
    tables=("ChildProtectionPlans",),
    type="error",
    check=check,
)
