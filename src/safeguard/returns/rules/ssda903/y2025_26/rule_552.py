"""SSDA903 rule 552 (error): Date of Decision to place a child for adoption should be on or prior to the date that the child was placed for adoption.

Compares the child's first adoption placement (A3-A6, earliest DECOM) with the latest decision
to place for adoption (DATE_PLACED) and flags both rows when the placement began before the
decision.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import ROW, Rule, Submission, flagged

CODE = "552"
MESSAGE = "Date of Decision to place a child for adoption should be on or prior to the date that the child was placed for adoption."


ADOPTION_PLACEMENTS = ("A3", "A4", "A5", "A6")


def check(submission: Submission) -> pl.DataFrame:
    """The child's first adoption placement and latest decision, when placed before deciding."""
    first_placed = (
        submission.tables["Episodes"]
        .lazy()
        .filter(pl.col("PLACE").is_in(ADOPTION_PLACEMENTS) & pl.col("DECOM").is_not_null())
        .sort("DECOM", "ROW")
        .group_by("CHILD")
        .first()
        .select("CHILD", pl.col("ROW").alias("EP_ROW"), "DECOM")
    )
    latest_decision = (
        submission.tables["PlacedAdoption"]
        .lazy()
        .filter(pl.col("DATE_PLACED").is_not_null())
        .sort("DATE_PLACED", "ROW")
        .group_by("CHILD")
        .last()
        .select("CHILD", "ROW", "DATE_PLACED")
    )
    late = first_placed.join(latest_decision, on="CHILD", how="inner").filter(
        pl.col("DECOM") < pl.col("DATE_PLACED")
    )
    return pl.concat(
        [
            flagged(late, "PlacedAdoption"),
            flagged(late.select("CHILD", pl.col("EP_ROW").alias(ROW)), "Episodes"),
        ]
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DATE_PLACED", "DECOM"),
    tables=("Episodes", "PlacedAdoption"),
    type="error",
    check=check,
)
