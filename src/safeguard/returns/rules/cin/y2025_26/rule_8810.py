"""CIN census rule 8810 (error): A CIN case cannot have a Reason for Closure without a CIN Closure Date

Flags CINdetails rows with a ReasonForClosure but no CINclosureDate written.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8810"
MESSAGE = "A CIN case cannot have a Reason for Closure without a CIN Closure Date"


def check(submission: Submission) -> pl.DataFrame:
    """CINdetails rows with a ReasonForClosure but no CINclosureDate written."""
    return rows(
        submission,
        "CINdetails",
        pl.col("ReasonForClosure").is_not_null() & pl.col("CINclosureDate__text").is_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("ReasonForClosure", "CINclosureDate"),
    tables=("CINdetails",),
    type="error",
    check=check,
)
