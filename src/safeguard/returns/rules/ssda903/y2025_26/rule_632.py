"""SSDA903 rule 632 (error): Date of previous permanence order not a valid value. NOTE: This rule may result in false negatives where the period of care started before the current collection year

Flags PrevPerm rows whose DATE_PERM is written but is neither a real dd/mm/yyyy date nor a date
with unknown parts written ZZ (day or month) or ZZZZ (year), each known part being valid; or is
a full date on or after the child's first episode's DECOM. Flags that first episode too.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import first_episodes

CODE = "632"
MESSAGE = "Date of previous permanence order not a valid value. NOTE: This rule may result in false negatives where the period of care started before the current collection year"


# A date with unknown parts: each of day, month and year is a number or Zs (ZZ/ZZ/ZZZZ).
PARTIAL = r"^(ZZ|0?[1-9]|[12][0-9]|3[01])/(ZZ|0?[1-9]|1[0-2])/(ZZZZ|[0-9]{4})$"


def check(submission: Submission) -> pl.DataFrame:
    """PrevPerm rows with an invalid DATE_PERM, and those children's first episodes."""
    text = pl.col("DATE_PERM__text").str.to_uppercase()
    partial = text.str.contains("Z") & text.str.contains(PARTIAL)
    well_formed = pl.col("DATE_PERM").is_not_null() | partial
    first = first_episodes(submission).select(
        "CHILD", pl.col("DECOM"), pl.col("ROW").alias("EP_ROW")
    )
    prevperm = submission.tables["PrevPerm"].lazy().join(first, on="CHILD", how="left")
    bad = prevperm.filter(
        pl.col("DATE_PERM__text").is_not_null()
        & (~well_formed | (pl.col("DATE_PERM") >= pl.col("DECOM")).fill_null(value=False))
    )
    return pl.concat(
        [
            flagged(bad, "PrevPerm"),
            flagged(
                bad.filter(pl.col("EP_ROW").is_not_null()).with_columns(
                    pl.col("EP_ROW").alias("ROW")
                ),
                "Episodes",
            ),
        ]
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DATE_PERM", "DECOM"),
    tables=("Episodes", "PrevPerm"),
    type="error",
    check=check,
)
