"""SSDA903 rule 502 (error): Last year's record ended with an open episode. The date on which that episode started does not match the start date of the first episode on this year’s record.

Flags a child's first episode this year (earliest DECOM) when last year's return has an open
episode (no date ceased) for the child that started on a different date.
"""

# ruff: noqa: RUF001, RUF002  (the DfE message uses a typographic apostrophe, kept exactly)
from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import first_episodes

CODE = "502"
MESSAGE = "Last year's record ended with an open episode. The date on which that episode started does not match the start date of the first episode on this year’s record."


def check(submission: Submission) -> pl.DataFrame:
    """Each child's first episode this year when it does not start with last year's open one."""
    open_last_year = (
        submission.tables["Episodes_last"]
        .lazy()
        .filter(pl.col("DEC__text").is_null())
        .select("CHILD", pl.col("DECOM").alias("LAST_DECOM"))
    )
    first = first_episodes(submission)
    return flagged(
        first.join(open_last_year, on="CHILD", how="inner").filter(
            pl.col("DECOM").ne_missing(pl.col("LAST_DECOM"))
        ),
        "Episodes",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DECOM",),
    tables=("Episodes", "Episodes_last"),
    type="error",
    check=check,
)
