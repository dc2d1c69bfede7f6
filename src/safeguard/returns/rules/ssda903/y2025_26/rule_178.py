"""SSDA903 rule 178 (error): Placement provider code is not a valid code.

Flags an episode whose PLACE_PROVIDER is given and either not in the year's PLACE_PROVIDER list
or given for a placement that has no provider (core.codes.PLACE_WITHOUT_PROVIDER: T0-T3,
Z11-Z14). A blank provider is left to rule 526.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import PLACE_WITHOUT_PROVIDER, codes_for
from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "178"
MESSAGE = "Placement provider code is not a valid code."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        pl.col("PLACE_PROVIDER").is_not_null()
        & (
            ~pl.col("PLACE_PROVIDER").is_in(list(codes_for("PLACE_PROVIDER", submission.year)))
            | pl.col("PLACE").is_in(list(PLACE_WITHOUT_PROVIDER))
        ),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PLACE_PROVIDER",),
    tables=("Episodes",),
    type="error",
    check=check,
)
