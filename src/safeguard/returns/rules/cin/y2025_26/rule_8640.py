"""CIN census rule 8640 (error): CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)

Flags CINdetails rows whose ReasonForClosure is written but not in the reason for closure code list.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import not_in_list, rows
from safeguard.returns.engine import Rule, Submission

CODE = "8640"
MESSAGE = (
    "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)"
)


def check(submission: Submission) -> pl.DataFrame:
    """CINdetails rows whose ReasonForClosure is written but not in the reason for closure code
    list."""
    return rows(
        submission,
        "CINdetails",
        not_in_list("ReasonForClosure", "ReasonForClosure", submission.year, blank_ok=True),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("ReasonForClosure",),
    tables=("CINdetails",),
    type="error",
    check=check,
)
