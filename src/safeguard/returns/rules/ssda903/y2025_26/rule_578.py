"""SSDA903 rule 578 (error): The date that the child started to be missing is after the child ceased to be looked after.

Flags Missing rows whose MIS_START falls in no period of care of the child's and after the end of
one of them: the child had ceased to be looked after. A period of care is a run of the child's
episodes each starting on or before the day the previous one ceased; an open period has no end.
A missing period starting before the child's first period of care is not this rule's concern.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import previous

CODE = "578"
MESSAGE = (
    "The date that the child started to be missing is after the child ceased to be looked after."
)


def check(submission: Submission) -> pl.DataFrame:
    """Missing rows starting after the child's care ended."""
    # The reader holds Episodes sorted by child then DECOM, so `previous` is the earlier episode.
    new_period = previous("CHILD").is_null() | (pl.col("DECOM") > previous("DEC")).fill_null(
        value=False
    )
    periods = (
        submission.tables["Episodes"]
        .lazy()
        .filter(pl.col("DECOM").is_not_null())
        .with_columns(new_period.cum_sum().alias("__period"))
        .group_by("__period")
        .agg(
            pl.first("CHILD"),
            pl.col("DECOM").min().alias("START"),
            pl.col("DEC").last().alias("END"),
        )
    )
    missing = submission.tables["Missing"].lazy().filter(pl.col("MIS_START").is_not_null())
    start = pl.col("MIS_START")
    within = (pl.col("START") <= start) & (pl.col("END").is_null() | (start <= pl.col("END")))
    after = pl.col("END").is_not_null() & (start > pl.col("END"))
    placed = (
        missing.select("CHILD", "ROW", "MIS_START")
        .join(periods, on="CHILD", how="inner")
        .group_by("ROW")
        .agg(within.any().alias("WITHIN"), after.any().alias("AFTER"))
        .filter(~pl.col("WITHIN") & pl.col("AFTER"))
        .select("ROW")
    )
    return flagged(missing.join(placed, on="ROW", how="semi", maintain_order="left"), "Missing")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("MIS_START",),
    tables=("Episodes", "Missing"),
    type="error",
    check=check,
)
