"""SSDA903 rule 559 (error): Date of decision that a child should be placed for adoption was not in the current year but the date of the decision that the child should be placed for adoption was not completed in a previous return.

Flags a PlacedAdoption row whose date of the decision (DATE_PLACED) is before 1 April of the
collection year when last year's PlacedAdoption holds no row for the child with a valid
DATE_PLACED. Needs last year's PlacedAdoption.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_start

CODE = "559"
MESSAGE = (
    "Date of decision that a child should be placed for adoption was not in the current year but "
    "the date of the decision that the child should be placed for adoption was not completed in "
    "a previous return."
)


def check(submission: Submission) -> pl.DataFrame:
    """Decisions dated before this year with no decision date in last year's return."""
    recorded_last_year = (
        submission.tables["PlacedAdoption_last"]
        .lazy()
        .filter(pl.col("DATE_PLACED").is_not_null())
        .select("CHILD")
        .unique()
    )
    return flagged(
        submission.tables["PlacedAdoption"]
        .lazy()
        .filter(pl.col("DATE_PLACED") < year_start(submission.year))
        .join(recorded_last_year, on="CHILD", how="anti", maintain_order="left"),
        "PlacedAdoption",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DATE_PLACED",),
    tables=("PlacedAdoption", "PlacedAdoption_last"),
    type="error",
    check=check,
)
