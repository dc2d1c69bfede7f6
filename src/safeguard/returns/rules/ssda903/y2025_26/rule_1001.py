"""SSDA903 rule 1001 (error): The episodes recorded for this young person suggest they are not a relevant or a former relevant child and therefore should not have care leaver information completed. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]

Flags OC3 rows with care leaver information (IN_TOUCH, ACTIV or ACCOM) of young people the
episodes show are not relevant or former relevant children: fewer than 91 days looked after since
their 14th birthday, or none since their 16th, or whose last period of care ended in adoption
(REC E11, E12). Episodes are this year's and last year's (the same episode in both counted once;
an open latest episode runs to 31 March), short breaks (V3, V4) aside. As the DfE's note says, only
the two years loaded are seen, so a child looked after earlier may be flagged wrongly; young people
aged 20 or more on 31 March are not examined, since their relevant care is mostly older.

When earlier years' Episodes are given (HISTORY, from `read_903(history=...)`), their episodes
count too (an episode in several years' files counted once, its copy with an end date kept), so
care before last year's collection is seen and the DfE's false positives go. HISTORY is not among
the rule's tables: without it the rule runs as the DfE's tool does.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import SHORT_BREAK_LEGAL_STATUSES
from safeguard.returns.engine import Rule, Submission, flagged, year_end
from safeguard.returns.ssda903.expressions import birthday, given
from safeguard.returns.ssda903.reader import HISTORY

ADOPTED = ("E11", "E12")

CODE = "1001"
MESSAGE = "The episodes recorded for this young person suggest they are not a relevant or a former relevant child and therefore should not have care leaver information completed. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]"


def check(submission: Submission) -> pl.DataFrame:
    """OC3 rows of young people who are not (former) relevant children."""
    end = year_end(submission.year)
    columns = ["CHILD", "DECOM", "DEC", "LS", "REC"]
    leavers = (
        submission.tables["OC3"]
        .lazy()
        .filter(given("IN_TOUCH") | given("ACTIV") | given("ACCOM"))
        .select("CHILD")
        .unique()
    )
    episodes = (
        pl.concat(
            [
                submission.tables[name].lazy().select(columns)
                for name in ("Episodes", "Episodes_last", HISTORY)
                if name in submission.tables
            ]
        )
        .join(leavers, on="CHILD", how="semi")
        .filter(pl.col("DECOM").is_not_null())
        # The same episode in both years: keep the one with its end date written.
        .sort("DEC", nulls_last=True)
        .unique(["CHILD", "DECOM"], keep="first")
        .sort("CHILD", "DECOM")
    )
    latest = episodes.group_by("CHILD").agg(pl.col("REC").last().alias("LAST_REC"))
    is_latest = pl.col("DECOM") == pl.col("DECOM").max().over("CHILD")
    header = (
        submission.tables["Header"]
        .lazy()
        .filter(pl.col("DOB").is_not_null() & (birthday("DOB", 20) > end))
        .select("CHILD", "DOB")
        .unique("CHILD", keep="first")
    )

    def days_since(age: int) -> pl.Expr:
        since = pl.max_horizontal(pl.col("DECOM"), birthday("DOB", age))
        return ((pl.col("_DEC") - since).dt.total_days()).clip(lower_bound=0)

    care = (
        episodes.with_columns(
            pl.when(pl.col("DEC").is_null() & is_latest)
            .then(pl.lit(end))
            .otherwise("DEC")
            .alias("_DEC")
        )
        .filter(~pl.col("LS").is_in(list(SHORT_BREAK_LEGAL_STATUSES)).fill_null(value=False))
        .join(header, on="CHILD", how="inner")
        .group_by("CHILD")
        .agg(days_since(14).sum().alias("SINCE_14"), days_since(16).sum().alias("SINCE_16"))
    )
    oc3 = (
        submission.tables["OC3"]
        .lazy()
        .filter(given("IN_TOUCH") | given("ACTIV") | given("ACCOM"))
        .join(header.select("CHILD"), on="CHILD", how="semi", maintain_order="left")
        .join(care, on="CHILD", how="left", maintain_order="left")
        .join(latest, on="CHILD", how="left", maintain_order="left")
        .filter(
            ~((pl.col("SINCE_14") >= 91) & (pl.col("SINCE_16") >= 1)).fill_null(value=False)
            | pl.col("LAST_REC").is_in(ADOPTED).fill_null(value=False)
        )
    )
    return flagged(oc3, "OC3")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("IN_TOUCH", "ACTIV", "ACCOM"),
    tables=("Episodes", "OC3", "Header", "Episodes_last"),
    type="error",
    check=check,
)
