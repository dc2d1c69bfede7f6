"""SSDA903 rule 454 (error): Placement distance from home is over 350 miles. [NOTE: This check will result in false positives for children formerly UASC not identified as such in loaded data]

Flags an episode whose placement distance (PL_DISTANCE) is over 350 miles and is not 999.9 (the
value given when the distance cannot be calculated). PL_DISTANCE is an optional column; a file
without it the rule is skipped, not passed.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import DISTANCE_NOT_CALCULABLE
from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import miles, rows

CODE = "454"
MESSAGE = (
    "Placement distance from home is over 350 miles. [NOTE: This check will result in false "
    "positives for children formerly UASC not identified as such in loaded data]"
)


def check(submission: Submission) -> pl.DataFrame:
    """Episodes placed over 350 miles from home."""
    distance = miles("PL_DISTANCE")
    return rows(submission, "Episodes", (distance > 350) & (distance != DISTANCE_NOT_CALCULABLE))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PL_DISTANCE",),
    tables=("Episodes",),
    type="error",
    check=check,
    columns=("Episodes.PL_DISTANCE",),
)
