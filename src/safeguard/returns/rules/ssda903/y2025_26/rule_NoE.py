"""SSDA903 rule NoE (error): This child has no episodes loaded for previous year even though child started to be looked after before this current year.

Flags an episode starting before 1 April at the start of the collection year for a child with no
episodes in last year's return.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_start

CODE = "NoE"
MESSAGE = "This child has no episodes loaded for previous year even though child started to be looked after before this current year."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes starting before this year for children absent from last year's episodes."""
    last_year = submission.tables["Episodes_last"].lazy().select("CHILD").unique()
    earlier = (
        submission.tables["Episodes"]
        .lazy()
        .filter(pl.col("DECOM") < pl.lit(year_start(submission.year)))
    )
    return flagged(earlier.join(last_year, on="CHILD", how="anti"), "Episodes")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DECOM",),
    tables=("Episodes", "Episodes_last"),
    type="error",
    check=check,
)
