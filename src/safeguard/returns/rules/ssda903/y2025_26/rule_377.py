"""SSDA903 rule 377 (error): Only two temporary placements coded as being due to holiday of usual foster carer(s) are allowed in any 12- month period.

Flags a child's episodes placed in T3 (temporary accommodation whilst the usual foster carer is on
holiday) when three or more of them start within 12 months: for each T3 episode, every T3
episode starting on or after it and before the same date a year later is counted, and all of a
window holding more than two are flagged. The public validator flags every T3 episode of a child
with more than two in the return, whatever their dates; this follows the message's 12 months.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "377"
MESSAGE = (
    "Only two temporary placements coded as being due to holiday of usual foster carer(s) are "
    "allowed in any 12- month period."
)
HOLIDAY_OF_FOSTER_CARER = "T3"


def check(submission: Submission) -> pl.DataFrame:
    """T3 episodes in a 12-month window holding more than two of the child's T3 episodes."""
    t3 = (
        submission.tables["Episodes"]
        .lazy()
        .filter((pl.col("PLACE") == HOLIDAY_OF_FOSTER_CARER) & pl.col("DECOM").is_not_null())
        .select("CHILD", "ROW", "DECOM")
    )
    windows = (
        t3.join(t3, on="CHILD", how="inner", suffix="_IN")
        .filter(
            (pl.col("DECOM_IN") >= pl.col("DECOM"))
            & (pl.col("DECOM_IN") < pl.col("DECOM").dt.offset_by("1y"))
        )
        .filter(pl.len().over("CHILD", "ROW") > 2)
        .select("CHILD", pl.col("ROW_IN").alias("ROW"))
        .unique()
        .sort("ROW")
    )
    return flagged(windows, "Episodes")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PLACE",),
    tables=("Episodes",),
    type="error",
    check=check,
)
