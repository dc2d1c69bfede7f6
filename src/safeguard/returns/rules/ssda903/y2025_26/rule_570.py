"""SSDA903 rule 570 (error): The date that the child started to be missing or away from placement without authorisation is after the end of the collection year.

Flags a Missing row whose start date is after 31 March at the end of the collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, year_end
from safeguard.returns.ssda903.expressions import rows

CODE = "570"
MESSAGE = "The date that the child started to be missing or away from placement without authorisation is after the end of the collection year."


def check(submission: Submission) -> pl.DataFrame:
    """The Missing rows this rule flags."""
    return rows(
        submission,
        "Missing",
        pl.col("MIS_START") > pl.lit(year_end(submission.year)),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("MIS_START",),
    tables=("Missing",),
    type="error",
    check=check,
)
