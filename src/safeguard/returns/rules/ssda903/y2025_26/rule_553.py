"""SSDA903 rule 553 (error): Placement order has been granted but there is no date of decision that the child should be placed for adoption.

Flags an episode under a placement order (LS E1) for a child with no PlacedAdoption row giving
the date of the decision to place for adoption.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "553"
MESSAGE = "Placement order has been granted but there is no date of decision that the child should be placed for adoption."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes under a placement order for children with no decision date."""
    decided = (
        submission.tables["PlacedAdoption"]
        .lazy()
        .filter(pl.col("DATE_PLACED__text").is_not_null())
        .select("CHILD")
        .unique()
    )
    orders = submission.tables["Episodes"].lazy().filter(pl.col("LS") == "E1")
    return flagged(orders.join(decided, on="CHILD", how="anti"), "Episodes")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"),
    tables=("Episodes", "PlacedAdoption"),
    type="error",
    check=check,
)
