"""CIN census rule 8585Q (query): Please check and either amend or provide a reason: CIN episode shows Died as the Closure Reason, however child has no recorded Date of Death

Flags CINdetails rows with ReasonForClosure RC2 (died) whose child has no PersonDeathDate.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import child_rows
from safeguard.returns.engine import Rule, Submission

CODE = "8585Q"
MESSAGE = "Please check and either amend or provide a reason: CIN episode shows Died as the Closure Reason, however child has no recorded Date of Death"


def check(submission: Submission) -> pl.DataFrame:
    """CINdetails rows with ReasonForClosure RC2 (died) whose child has no PersonDeathDate."""
    return child_rows(
        submission,
        "CINdetails",
        (pl.col("ReasonForClosure") == "RC2") & pl.col("PersonDeathDate").is_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("ReasonForClosure", "PersonDeathDate"),
    tables=("CINdetails", "ChildIdentifiers"),
    type="query",
    check=check,
)
