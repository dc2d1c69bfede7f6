"""SSDA903 rule 550 (error): A placement provider code of PR0 can only be associated with placement P1.

Flags an episode with PLACE_PROVIDER PR0 (parents) and a PLACE other than P1.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "550"
MESSAGE = "A placement provider code of PR0 can only be associated with placement P1."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        (pl.col("PLACE_PROVIDER") == "PR0") & (pl.col("PLACE") != "P1"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PLACE", "PLACE_PROVIDER"),
    tables=("Episodes",),
    type="error",
    check=check,
)
