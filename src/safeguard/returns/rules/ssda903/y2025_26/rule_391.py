"""SSDA903 rule 391 (error): Young person was not 17, 18, 19, 20 or 21 during the current collection year.

Flags an OC3 row with care leaver information for a young person who was not 17 to 21 at any
time in the collection year: under 17 on 31 March at its end, or 22 or over on 1 April at its
start (DOB on the same row).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, year_end, year_start
from safeguard.returns.ssda903.expressions import rows

CODE = "391"
MESSAGE = "Young person was not 17, 18, 19, 20 or 21 during the current collection year."


def check(submission: Submission) -> pl.DataFrame:
    """The OC3 rows this rule flags."""
    return rows(
        submission,
        "OC3",
        pl.any_horizontal(pl.col(c).is_not_null() for c in ("IN_TOUCH", "ACTIV", "ACCOM"))
        & (
            (pl.col("DOB").dt.offset_by("17y") > pl.lit(year_end(submission.year)))
            | (pl.col("DOB").dt.offset_by("22y") <= pl.lit(year_start(submission.year)))
        ),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
    tables=("OC3",),
    type="error",
    check=check,
)
