"""SSDA903 rule 392d (error): Home and placement postcodes should not be same unless the placement type is P1.

Flags episodes whose home and placement postcodes are both given and the same (ignoring
spaces) when the placement is not with parents (PLACE P1; a blank PLACE is not P1).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "392d"
MESSAGE = "Home and placement postcodes should not be same unless the placement type is P1."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes away from parents placed at the home postcode."""
    home = pl.col("HOME_POST").str.replace_all(" ", "", literal=True)
    placed = pl.col("PL_POST").str.replace_all(" ", "", literal=True)
    return rows(submission, "Episodes", (home == placed) & pl.col("PLACE").ne_missing(pl.lit("P1")))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("HOME_POST", "PL_POST", "PLACE"),
    tables=("Episodes",),
    type="error",
    check=check,
)
