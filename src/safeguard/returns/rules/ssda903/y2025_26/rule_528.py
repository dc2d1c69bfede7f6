"""SSDA903 rule 528 (error): A placement provider code of PR2 cannot be associated with placements P1, R2 or R5.

Flags Episodes rows with PLACE_PROVIDER PR2 and PLACE one of P1, R2, R5.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "528"
MESSAGE = "A placement provider code of PR2 cannot be associated with placements P1, R2 or R5."


PLACES = ("P1", "R2", "R5")


def check(submission: Submission) -> pl.DataFrame:
    """Episodes with provider PR2 in a placement it cannot provide."""
    return rows(
        submission,
        "Episodes",
        (pl.col("PLACE_PROVIDER") == "PR2") & pl.col("PLACE").is_in(PLACES),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PLACE", "PLACE_PROVIDER"),
    tables=("Episodes",),
    type="error",
    check=check,
)
