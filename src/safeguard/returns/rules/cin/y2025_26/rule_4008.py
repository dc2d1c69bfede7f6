"""CIN census rule 4008 (error): CIN Plan shown as starting after the child's Date of Death.

Flags CINplanDates rows whose CINPlanStartDate is after the child's PersonDeathDate.

The DfE names the ChildIdentifiers table; the CIN plan row is flagged, as it is the one to amend.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import child_rows
from safeguard.returns.engine import Rule, Submission

CODE = "4008"
MESSAGE = "CIN Plan shown as starting after the child\u2019s Date of Death."


def check(submission: Submission) -> pl.DataFrame:
    """CINplanDates rows whose CINPlanStartDate is after the child's PersonDeathDate."""
    return child_rows(
        submission, "CINplanDates", pl.col("CINPlanStartDate") > pl.col("PersonDeathDate")
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PersonDeathDate", "CINPlanStartDate"),
    tables=("CINplanDates", "ChildIdentifiers"),
    type="error",
    check=check,
)
