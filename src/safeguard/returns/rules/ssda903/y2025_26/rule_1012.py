"""SSDA903 rule 1012 (error): No other data should be returned for OC3 children who had no episodes in the current year

Flags rows of the PlacedAdoption, Missing, Reviews, AD1, PrevPerm and OC2 tables (those given)
for a child with no episode in this year's Episodes table.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "1012"
MESSAGE = (
    "No other data should be returned for OC3 children who had no episodes in the current year"
)


# Tables that hold data only for children looked after in the year.
LOOKED_AFTER_TABLES = ("PlacedAdoption", "Missing", "Reviews", "AD1", "PrevPerm", "OC2")


def check(submission: Submission) -> pl.DataFrame:
    """Rows of children without episodes in tables for looked-after children."""
    episodes = submission.tables["Episodes"].lazy()
    with_episodes = episodes.select("CHILD").unique()
    parts = [
        flagged(
            submission.tables[table]
            .lazy()
            .join(with_episodes, on="CHILD", how="anti", maintain_order="left"),
            table,
        )
        for table in LOOKED_AFTER_TABLES
        if table in submission.tables
    ]
    return pl.concat(parts) if parts else flagged(episodes.head(0), "Episodes")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CHILD",),
    tables=("Episodes",),
    type="error",
    check=check,
)
