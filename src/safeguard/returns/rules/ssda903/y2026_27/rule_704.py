"""SSDA903 rule 704 (error): The date that the DoLO ended is before the start or after the end of the collection year.

Flags DoLo rows whose DOLO_END is before 1 April or after 31 March of the collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, year_end, year_start
from safeguard.returns.ssda903.expressions import rows

CODE = "704"
MESSAGE = (
    "The date that the DoLO ended is before the start or after the end of the collection year."
)


def check(submission: Submission) -> pl.DataFrame:
    """DoLo rows ending outside the collection year."""
    start, end = year_start(submission.year), year_end(submission.year)
    return rows(submission, "DoLo", (pl.col("DOLO_END") < start) | (pl.col("DOLO_END") > end))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOLO_END",),
    tables=("DoLo",),
    type="error",
    check=check,
)
