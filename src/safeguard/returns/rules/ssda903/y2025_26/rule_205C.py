"""SSDA903 rule 205C (error): Child not identified as UASC either this year or last year but date UASC ceased has been provided.

Flags the UASC row (and Header row) of a child not identified as UASC either this year or last
(`uasc_status` not 1 in both, or unknown) whose UASC row this year or last gives a date UASC
ceased (DUC).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import uasc_status

CODE = "205C"
MESSAGE = "Child not identified as UASC either this year or last year but date UASC ceased has been provided."


def check(submission: Submission) -> pl.DataFrame:
    """UASC and Header rows of children never UASC with a date UASC ceased."""
    now, last = uasc_status(submission), uasc_status(submission, "_last")
    assert now is not None and last is not None
    last_duc = (
        submission.tables["UASC_last"]
        .lazy()
        .select("CHILD", pl.col("DUC__text").alias("DUC_LAST"))
        .unique("CHILD", keep="first")
    )
    children = (
        submission.tables["UASC"]
        .lazy()
        .join(now.rename({"UASC": "NOW"}), on="CHILD", how="left")
        .join(last.rename({"UASC": "LAST"}), on="CHILD", how="left")
        .join(last_duc, on="CHILD", how="left")
        .filter(
            pl.col("NOW").ne_missing(pl.lit("1"))
            & pl.col("LAST").ne_missing(pl.lit("1"))
            & (pl.col("DUC__text").is_not_null() | pl.col("DUC_LAST").is_not_null())
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
