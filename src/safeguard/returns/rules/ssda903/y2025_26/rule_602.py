"""SSDA903 rule 602 (error): The episode data submitted for this child does not show that he/she was adopted during the year.

Flags an AD1 row for a child with no episode ceasing by adoption (E11 or E12) between 1 April
and 31 March of the collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_end, year_start

CODE = "602"
MESSAGE = "The episode data submitted for this child does not show that he/she was adopted during the year."


def check(submission: Submission) -> pl.DataFrame:
    """AD1 rows of children with no adoption episode ceasing this year."""
    start, end = year_start(submission.year), year_end(submission.year)
    adopted = (
        submission.tables["Episodes"]
        .lazy()
        .filter(pl.col("REC").is_in(["E11", "E12"]) & pl.col("DEC").is_between(start, end))
        .select("CHILD")
        .unique()
    )
    return flagged(submission.tables["AD1"].lazy().join(adopted, on="CHILD", how="anti"), "AD1")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CHILD",),
    tables=("Episodes", "AD1"),
    type="error",
    check=check,
)
