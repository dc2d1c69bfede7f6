"""SSDA903 rule 531 (error): A placement provider code of PR5 cannot be associated with placements P1.

Flags Episodes rows with PLACE_PROVIDER PR5 and PLACE one of P1.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "531"
MESSAGE = "A placement provider code of PR5 cannot be associated with placements P1."


PLACES = ("P1",)


def check(submission: Submission) -> pl.DataFrame:
    """Episodes with provider PR5 in a placement it cannot provide."""
    return rows(
        submission,
        "Episodes",
        (pl.col("PLACE_PROVIDER") == "PR5") & pl.col("PLACE").is_in(PLACES),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PLACE", "PLACE_PROVIDER"),
    tables=("Episodes",),
    type="error",
    check=check,
)
