"""CIN census rule 8805 (error): A CIN case cannot have a CIN closure date without a Reason for Closure

Flags CINdetails rows with a CINclosureDate written but no ReasonForClosure.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8805"
MESSAGE = "A CIN case cannot have a CIN closure date without a Reason for Closure"


def check(submission: Submission) -> pl.DataFrame:
    """CINdetails rows with a CINclosureDate written but no ReasonForClosure."""
    return rows(
        submission,
        "CINdetails",
        pl.col("CINclosureDate__text").is_not_null() & pl.col("ReasonForClosure").is_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CINclosureDate", "ReasonForClosure"),
    tables=("CINdetails",),
    type="error",
    check=check,
)
