"""SSDA903 rule 529 (error): Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and U1 to U6 as these placements cannot be provided by other public organisations.

Flags Episodes rows with PLACE_PROVIDER PR3 and PLACE one of P1, A3, A4, A5, A6, K1, K2, U1, U2,
U3, U4, U5, U6.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "529"
MESSAGE = "Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and U1 to U6 as these placements cannot be provided by other public organisations."


PLACES = ("P1", "A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6")


def check(submission: Submission) -> pl.DataFrame:
    """Episodes with provider PR3 in a placement it cannot provide."""
    return rows(
        submission,
        "Episodes",
        (pl.col("PLACE_PROVIDER") == "PR3") & pl.col("PLACE").is_in(PLACES),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PLACE", "PLACE_PROVIDER"),
    tables=("Episodes",),
    type="error",
    check=check,
)
