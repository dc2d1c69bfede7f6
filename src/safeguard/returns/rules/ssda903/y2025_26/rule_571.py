"""SSDA903 rule 571 (error): The date that the child ceased to be missing or away from placement without authorisation is before the start or after the end of the collection year.

Flags a Missing row whose end date is before 1 April or after 31 March of the collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, year_end, year_start
from safeguard.returns.ssda903.expressions import rows

CODE = "571"
MESSAGE = "The date that the child ceased to be missing or away from placement without authorisation is before the start or after the end of the collection year."


def check(submission: Submission) -> pl.DataFrame:
    """The Missing rows this rule flags."""
    return rows(
        submission,
        "Missing",
        (pl.col("MIS_END") < pl.lit(year_start(submission.year)))
        | (pl.col("MIS_END") > pl.lit(year_end(submission.year))),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("MIS_END",),
    tables=("Missing",),
    type="error",
    check=check,
)
