"""CIN census rule 8520 (error): Date of Birth is after data collection period (must be on or before the end of the census period)

Flags ChildIdentifiers rows whose PersonBirthDate is after the 31 March reference date.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission, year_end

CODE = "8520"
MESSAGE = "Date of Birth is after data collection period (must be on or before the end of the census period)"


def check(submission: Submission) -> pl.DataFrame:
    """ChildIdentifiers rows whose PersonBirthDate is after the 31 March reference date."""
    return rows(
        submission, "ChildIdentifiers", pl.col("PersonBirthDate") > year_end(submission.year)
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PersonBirthDate", "ReferenceDate"),
    tables=("ChildIdentifiers",),
    type="error",
    check=check,
)
