"""SSDA903 rule 205B (error): Child previously identified as UASC is also UASC this year, but date UASC ceased in both years does not support this.

Flags the UASC row (and Header row) of a child identified as UASC both this year and last
(`uasc_status`) when this year's date UASC ceased (DUC) is neither within this year nor the same as
last year's, or last year's DUC is given and is not the child's 18th birthday (DOB in last year's
UASC row), as the public validator encodes the rule; a child still UASC with no date ceased in
either year has nothing that contradicts it and is not flagged (the public code flags it, its blank
dates comparing unequal).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_end, year_start
from safeguard.returns.ssda903.expressions import birthday, uasc_status

CODE = "205B"
MESSAGE = "Child previously identified as UASC is also UASC this year, but date UASC ceased in both years does not support this."


def check(submission: Submission) -> pl.DataFrame:
    """UASC and Header rows of children UASC in both years whose dates ceased do not fit."""
    now, last = uasc_status(submission), uasc_status(submission, "_last")
    assert now is not None and last is not None
    start, end = year_start(submission.year), year_end(submission.year)
    last_rows = (
        submission.tables["UASC_last"]
        .lazy()
        .select(
            "CHILD", pl.col("DUC").alias("DUC_LAST"), birthday("DOB", 18).alias("EIGHTEEN_LAST")
        )
        .unique("CHILD", keep="first")
    )
    duc_this_year = pl.col("DUC").is_between(start, end).fill_null(value=False)
    same_as_last = pl.col("DUC").eq_missing(pl.col("DUC_LAST"))
    last_was_18th = pl.col("DUC_LAST").is_null() | (pl.col("DUC_LAST") == pl.col("EIGHTEEN_LAST"))
    children = (
        submission.tables["UASC"]
        .lazy()
        .join(now.rename({"UASC": "NOW"}), on="CHILD", how="inner")
        .join(last.rename({"UASC": "LAST"}), on="CHILD", how="inner")
        .join(last_rows, on="CHILD", how="left")
        .filter(
            (pl.col("NOW") == "1")
            & (pl.col("LAST") == "1")
            & ((~duc_this_year & ~same_as_last) | ~last_was_18th)
        )
    )
    header = (
        submission.tables["Header"]
        .lazy()
        .join(children.select("CHILD").unique(), on="CHILD", how="semi", maintain_order="left")
    )
    return pl.concat([flagged(children, "UASC"), flagged(header, "Header")])


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DUC", "UASC"),
    tables=("UASC", "UASC_last", "Header"),
    type="error",
    check=check,
)
