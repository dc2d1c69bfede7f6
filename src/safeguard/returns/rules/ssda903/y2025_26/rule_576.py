"""SSDA903 rule 576 (error): There is an open missing/away from placement without authorisation period in last year’s return and there is no corresponding period recorded at the start of this year.

For a child with a missing or away period still open at the end of last year's return
(Missing_last, no MIS_END), flags the child's first Missing row this year (earliest MIS_START,
blank last) when it does not start on the same date as that open period. A child with no
Missing row this year has no row to flag.
"""

# ruff: noqa: RUF001, RUF002  (the DfE message uses a typographic apostrophe, kept exactly)
from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "576"
MESSAGE = "There is an open missing/away from placement without authorisation period in last year’s return and there is no corresponding period recorded at the start of this year."


def check(submission: Submission) -> pl.DataFrame:
    """This year's first Missing rows that do not continue last year's open period."""
    open_last_year = (
        submission.tables["Missing_last"]
        .lazy()
        .filter(pl.col("MIS_END__text").is_null())
        .select("CHILD", pl.col("MIS_START").alias("OPEN_START"))
    )
    # The reader holds Missing sorted by child then MIS_START (blank last).
    first = submission.tables["Missing"].lazy().group_by("CHILD", maintain_order=True).first()
    not_carried = first.join(open_last_year, on="CHILD", how="inner").filter(
        pl.col("OPEN_START").is_not_null() & pl.col("MIS_START").ne_missing(pl.col("OPEN_START"))
    )
    return flagged(not_carried.unique("ROW", maintain_order=True), "Missing")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CHILD",),
    tables=("Missing", "Missing_last"),
    type="error",
    check=check,
)
