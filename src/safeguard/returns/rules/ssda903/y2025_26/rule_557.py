"""SSDA903 rule 557 (error): Child for whom the decision was made that they should be placed for adoption has left care but was not adopted and information on the decision that they should no longer be placed for adoption items has not been completed.

Flags an episode placed for adoption (PLACE A3-A6) or under a placement order or freeing order
(LS E1, D1) that ceased for a reason other than adoption (REC given, not E11, E12 or X1) when
the child has no PlacedAdoption row, or has one without the date or reason the decision ceased
(DATE_PLACED_CEASED, REASON_PLACED_CEASED blank); that PlacedAdoption row is flagged too.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import ADOPTION_PLACEMENTS, blank

CODE = "557"
MESSAGE = (
    "Child for whom the decision was made that they should be placed for adoption has left care "
    "but was not adopted and information on the decision that they should no longer be placed "
    "for adoption items has not been completed."
)
ADOPTION_ORDERS = ("D1", "E1")
NOT_LEAVING_OR_ADOPTED = ("E11", "E12", "X1")


def check(submission: Submission) -> pl.DataFrame:
    """Episodes leaving care not adopted after an adoption decision, and incomplete decisions."""
    left_not_adopted = (
        submission.tables["Episodes"]
        .lazy()
        .filter(
            (pl.col("PLACE").is_in(ADOPTION_PLACEMENTS) | pl.col("LS").is_in(ADOPTION_ORDERS))
            & pl.col("REC").is_not_null()
            & ~pl.col("REC").is_in(NOT_LEAVING_OR_ADOPTED)
        )
        .select("CHILD", "ROW")
    )
    decisions = (
        submission.tables["PlacedAdoption"]
        .lazy()
        .select(
            "CHILD",
            pl.col("ROW").alias("PA_ROW"),
            (blank("DATE_PLACED_CEASED__text") | blank("REASON_PLACED_CEASED")).alias("INCOMPLETE"),
        )
    )
    joined = left_not_adopted.join(decisions, on="CHILD", how="left").filter(
        pl.col("PA_ROW").is_null() | pl.col("INCOMPLETE")
    )
    return pl.concat(
        [
            flagged(joined, "Episodes"),
            flagged(
                joined.filter(pl.col("PA_ROW").is_not_null()).with_columns(
                    pl.col("PA_ROW").alias("ROW")
                ),
                "PlacedAdoption",
            ),
        ]
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DATE_PLACED_CEASED", "REASON_PLACED_CEASED", "PLACE", "LS", "REC"),
    tables=("Episodes", "PlacedAdoption"),
    type="error",
    check=check,
)
