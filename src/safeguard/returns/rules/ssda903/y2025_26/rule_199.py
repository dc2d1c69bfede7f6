"""SSDA903 rule 199 (error): Episode information shows child has been previously adopted from care. [NOTE: This only tests the current and previous year data loaded into the tool]

Flags an episode in this year's return that starts after an episode of the same child ceasing by
adoption (E11, E12), looking at this year's episodes and, when given, last year's, ordered by
start date. When earlier years' Episodes are given (HISTORY, from `read_903(history=...)`), an
adoption recorded in them counts too, so the check is no longer limited to the two years the DfE's
note names; an earlier year's copy of an episode this year's or last year's return also holds
(same child and start date) is left out, so the latest copy speaks for it. HISTORY is not among
the rule's tables: without it the rule runs as the DfE's tool does.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.reader import HISTORY

CODE = "199"
MESSAGE = "Episode information shows child has been previously adopted from care. [NOTE: This only tests the current and previous year data loaded into the tool]"


def check(submission: Submission) -> pl.DataFrame:
    """This year's episodes that follow an adoption of the same child."""
    years = [
        submission.tables[name]
        .lazy()
        .select("CHILD", "DECOM", "REC", "ROW", pl.lit(name == "Episodes").alias("THIS_YEAR"))
        for name in ("Episodes_last", "Episodes")
        if name in submission.tables
    ]
    if HISTORY in submission.tables:
        years.append(
            submission.tables[HISTORY]
            .lazy()
            .select("CHILD", "DECOM", "REC", "ROW", pl.lit(value=False).alias("THIS_YEAR"))
            .join(pl.concat(years).select("CHILD", "DECOM"), on=["CHILD", "DECOM"], how="anti")
        )
    adopted = pl.col("REC").is_in(["E11", "E12"]).fill_null(value=False).cast(pl.Int32)
    history = (
        pl.concat(years)
        .filter(pl.col("DECOM").is_not_null() & pl.col("CHILD").is_not_null())
        .sort("CHILD", "DECOM", "THIS_YEAR", "ROW")
        .with_columns((adopted.cum_sum().over("CHILD") - adopted).alias("EARLIER_ADOPTIONS"))
    )
    return flagged(
        history.filter(pl.col("THIS_YEAR") & (pl.col("EARLIER_ADOPTIONS") > 0)), "Episodes"
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CHILD",),
    tables=("Episodes",),
    type="error",
    check=check,
)
