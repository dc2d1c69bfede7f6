"""SSDA903 rule 558 (error): If a child has been adopted, then the decision to place them for adoption has not been disrupted and the date of the decision that a child should no longer be placed for adoption should be left blank.

Flags a PlacedAdoption row recording that the decision ceased (DATE_PLACED_CEASED written) for a
child with an episode ceasing by adoption (E11, E12), and that episode.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import ROW, Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import (
    first_dated,
)

CODE = "558"
MESSAGE = "If a child has been adopted, then the decision to place them for adoption has not been disrupted and the date of the decision that a child should no longer be placed for adoption should be left blank."


def check(submission: Submission) -> pl.DataFrame:
    """The rows this rule flags."""
    matched = (
        submission.tables["PlacedAdoption"]
        .lazy()
        .filter(pl.col("DATE_PLACED_CEASED__text").is_not_null())
        .join(
            first_dated(
                submission, "Episodes", pl.col("REC").is_in(["E11", "E12"]), "DEC", "ADOPTED_ON"
            ),
            on="CHILD",
            how="inner",
        )
        .filter(pl.lit(value=True))
    )
    return pl.concat(
        [
            flagged(matched, "PlacedAdoption"),
            flagged(
                matched.select("CHILD", pl.col("ADOPTED_ON_ROW").alias(ROW)).unique(), "Episodes"
            ),
        ]
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DATE_PLACED_CEASED", "REC"),
    tables=("Episodes", "PlacedAdoption"),
    type="error",
    check=check,
)
