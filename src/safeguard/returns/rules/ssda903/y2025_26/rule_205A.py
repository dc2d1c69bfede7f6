"""SSDA903 rule 205A (error): Child identified as UASC last year is no longer UASC this year, but date UASC ceased in both years does not support this.

Flags the UASC row (and Header row) of a child identified as UASC last year but not this year
(`uasc_status`: the Header's UASC, or a UASC row where the Header has no UASC column) when this
year's UASC row gives a date UASC ceased (DUC) or last year's DUC is not within last year: a child
who stopped being UASC last year should have ceased then. As the public validator reads the rule;
a CSV return without a Header UASC column cannot show a child UASC last year and not this year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_end, year_start
from safeguard.returns.ssda903.expressions import uasc_status

CODE = "205A"
MESSAGE = "Child identified as UASC last year is no longer UASC this year, but date UASC ceased in both years does not support this."


def check(submission: Submission) -> pl.DataFrame:
    """UASC and Header rows of children no longer UASC whose dates ceased do not fit."""
    now, last = uasc_status(submission), uasc_status(submission, "_last")
    assert now is not None and last is not None  # the rule's tables are present
    last_start = pl.lit(year_start(submission.year)).dt.offset_by("-1y")
    last_end = pl.lit(year_end(submission.year)).dt.offset_by("-1y")
    last_duc = (
        submission.tables["UASC_last"]
        .lazy()
        .select("CHILD", pl.col("DUC").alias("DUC_LAST"))
        .unique("CHILD", keep="first")
    )
    children = (
        submission.tables["UASC"]
        .lazy()
        .join(now.rename({"UASC": "NOW"}), on="CHILD", how="left")
        .join(last.rename({"UASC": "LAST"}), on="CHILD", how="inner")
        .join(last_duc, on="CHILD", how="left")
        .filter(
            (pl.col("NOW").ne_missing(pl.lit("1")) & (pl.col("LAST") == "1"))
            & (
                pl.col("DUC").is_not_null()
                | ~pl.col("DUC_LAST").is_between(last_start, last_end).fill_null(value=False)
            )
        )
    )
    return _with_header(submission, children)


def _with_header(submission: Submission, uasc_rows: pl.LazyFrame) -> pl.DataFrame:
    header = (
        submission.tables["Header"]
        .lazy()
        .join(uasc_rows.select("CHILD").unique(), on="CHILD", how="semi", maintain_order="left")
    )
    return pl.concat([flagged(uasc_rows, "UASC"), flagged(header, "Header")])


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CHILD", "UASC"),
    tables=("UASC", "UASC_last", "Header"),
    type="error",
    check=check,
)
