"""SSDA903 rule 118 (error): Date of decision that a child should no longer be placed for adoption is before the current collection year or before the date the child started to be looked after.

Flags PlacedAdoption rows whose DATE_PLACED_CEASED is before 1 April of the collection year or
before the start (DECOM) of the child's earliest episode that is not a short break (legal status
other than V3 or V4); flags that earliest episode too.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import SHORT_BREAK_LEGAL_STATUSES
from safeguard.returns.engine import Rule, Submission, flagged, year_start

CODE = "118"
MESSAGE = "Date of decision that a child should no longer be placed for adoption is before the current collection year or before the date the child started to be looked after."


def check(submission: Submission) -> pl.DataFrame:
    """PlacedAdoption rows ceasing before the year or before care began, and that first episode."""
    short_break = pl.col("LS").is_in(list(SHORT_BREAK_LEGAL_STATUSES)).fill_null(value=False)
    earliest = (
        submission.tables["Episodes"]
        .lazy()
        .filter(pl.col("DECOM").is_not_null() & ~short_break)
        .group_by("CHILD", maintain_order=True)
        .first()
        .select("CHILD", pl.col("DECOM"), pl.col("ROW").alias("EP_ROW"))
    )
    ceased = pl.col("DATE_PLACED_CEASED")
    dated = submission.tables["PlacedAdoption"].lazy().join(earliest, on="CHILD", how="left")
    too_early = ((ceased < year_start(submission.year)) | (ceased < pl.col("DECOM"))).fill_null(
        value=False
    )
    bad = dated.filter(too_early)
    return pl.concat(
        [
            flagged(bad, "PlacedAdoption"),
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
    fields=("DECOM", "LS", "DATE_PLACED_CEASED"),
    tables=("Episodes", "PlacedAdoption"),
    type="error",
    check=check,
)
