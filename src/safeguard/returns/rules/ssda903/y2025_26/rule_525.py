"""SSDA903 rule 525 (error): A child for whom the decision to be placed for adoption has been reversed cannot be adopted during the year.

Flags the PlacedAdoption row recording a reversed decision (DATE_PLACED_CEASED written) and the
AD1 row with adoption data of the same child.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "525"
MESSAGE = "A child for whom the decision to be placed for adoption has been reversed cannot be adopted during the year."


ADOPTION = (
    "DATE_INT__text",
    "DATE_MATCH__text",
    "FOSTER_CARE",
    "NB_ADOPTR",
    "SEX_ADOPTR",
    "LS_ADOPTR",
)


def check(submission: Submission) -> pl.DataFrame:
    """Reversed decisions, and AD1 rows, of children with both."""
    reversed_ = (
        submission.tables["PlacedAdoption"]
        .lazy()
        .filter(pl.col("DATE_PLACED_CEASED__text").is_not_null())
    )
    adopted = (
        submission.tables["AD1"]
        .lazy()
        .filter(pl.any_horizontal(pl.col(c).is_not_null() for c in ADOPTION))
    )
    return pl.concat(
        [
            flagged(
                reversed_.join(adopted.select("CHILD").unique(), on="CHILD", how="semi"),
                "PlacedAdoption",
            ),
            flagged(
                adopted.join(reversed_.select("CHILD").unique(), on="CHILD", how="semi"), "AD1"
            ),
        ]
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=(
        "DATE_PLACED_CEASED",
        "DATE_INT",
        "DATE_MATCH",
        "FOSTER_CARE",
        "NB_ADOPTR",
        "SEX_ADOPTR",
        "LS_ADOPTR",
    ),
    tables=("PlacedAdoption", "AD1"),
    type="error",
    check=check,
)
