"""SSDA903 rule 551 (error): Child has been placed for adoption but there is no date of the decision that the child should be placed for adoption.

Flags an episode placed for adoption (A3-A6) for a child with no PlacedAdoption row giving the
date of the decision.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "551"
MESSAGE = "Child has been placed for adoption but there is no date of the decision that the child should be placed for adoption."


ADOPTION_PLACEMENTS = ("A3", "A4", "A5", "A6")


def check(submission: Submission) -> pl.DataFrame:
    """Adoption placements of children with no decision date in PlacedAdoption."""
    decided = (
        submission.tables["PlacedAdoption"]
        .lazy()
        .filter(pl.col("DATE_PLACED__text").is_not_null())
        .select("CHILD")
        .unique()
    )
    placed = submission.tables["Episodes"].lazy().filter(pl.col("PLACE").is_in(ADOPTION_PLACEMENTS))
    return flagged(placed.join(decided, on="CHILD", how="anti"), "Episodes")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DATE_PLACED", "PLACE"),
    tables=("Episodes", "PlacedAdoption"),
    type="error",
    check=check,
)
