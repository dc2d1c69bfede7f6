"""CIN census rule 4009Q (query): CIN Plan cannot end after the child's Date of Death

Flags CINplanDates rows whose CINPlanEndDate is after the child's PersonDeathDate.

The DfE names the ChildIdentifiers table; the CIN plan row is flagged, as it is the one to amend.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import child_rows
from safeguard.returns.engine import Rule, Submission

CODE = "4009Q"
MESSAGE = "CIN Plan cannot end after the child\u2019s Date of Death"


def check(submission: Submission) -> pl.DataFrame:
    """CINplanDates rows whose CINPlanEndDate is after the child's PersonDeathDate."""
    return child_rows(
        submission, "CINplanDates", pl.col("CINPlanEndDate") > pl.col("PersonDeathDate")
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PersonDeathDate", "CINPlanEndDate"),
    tables=("CINplanDates", "ChildIdentifiers"),
    type="query",
    check=check,
)
