"""SSDA903 rule 542 (error): A child aged under 10 at 31 March should not have conviction information completed.

Flags an OC2 row with conviction information for a child under 10 on 31 March at the end of the
collection year (DOB on the same row).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, year_end
from safeguard.returns.ssda903.expressions import rows

CODE = "542"
MESSAGE = "A child aged under 10 at 31 March should not have conviction information completed."


def check(submission: Submission) -> pl.DataFrame:
    """The OC2 rows this rule flags."""
    return rows(
        submission,
        "OC2",
        pl.col("CONVICTED").is_not_null()
        & (pl.col("DOB").dt.offset_by("10y") > pl.lit(year_end(submission.year))),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CONVICTED",),
    tables=("OC2",),
    type="error",
    check=check,
)
