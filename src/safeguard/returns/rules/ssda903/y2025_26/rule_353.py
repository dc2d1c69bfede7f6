"""SSDA903 rule 353 (error): No episode submitted can start before 14 October 1991.

Flags an episode starting before 14 October 1991 (the Children Act 1989 came into force).
"""

from __future__ import annotations

from datetime import date

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "353"
MESSAGE = "No episode submitted can start before 14 October 1991."


FIRST_DAY = date(1991, 10, 14)


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        pl.col("DECOM") < pl.lit(FIRST_DAY),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DECOM",),
    tables=("Episodes",),
    type="error",
    check=check,
)
