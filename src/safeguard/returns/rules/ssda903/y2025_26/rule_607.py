"""SSDA903 rule 607 (error): Child ceased to be looked after in the year, but mother field has not been completed.

Flags, for a girl (SEX F) with the mother field blank, each episode by which she ceased to be
looked after this year (date ceased in the year, reason other than X1, not a short break V3/V4)
and her Header row.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import SHORT_BREAK_LEGAL_STATUSES
from safeguard.returns.engine import Rule, Submission, flagged, year_end, year_start

CODE = "607"
MESSAGE = "Child ceased to be looked after in the year, but mother field has not been completed."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes ending care this year for girls with the mother field blank, and their Header."""
    start, end = year_start(submission.year), year_end(submission.year)
    girls = (
        submission.tables["Header"]
        .lazy()
        .filter((pl.col("SEX") == "F") & pl.col("MOTHER").is_null())
    )
    ceased = (
        submission.tables["Episodes"]
        .lazy()
        .filter(
            pl.col("DEC").is_between(start, end)
            & pl.col("REC").is_not_null()
            & (pl.col("REC") != "X1")
            & ~pl.col("LS").is_in(list(SHORT_BREAK_LEGAL_STATUSES)).fill_null(value=False)
        )
    )
    episodes = ceased.join(girls.select("CHILD").unique(), on="CHILD", how="semi")
    header = girls.join(ceased.select("CHILD").unique(), on="CHILD", how="semi")
    return pl.concat([flagged(episodes, "Episodes"), flagged(header, "Header")])


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DEC", "REC", "MOTHER", "LS", "SEX"),
    tables=("Episodes", "Header"),
    type="error",
    check=check,
)
