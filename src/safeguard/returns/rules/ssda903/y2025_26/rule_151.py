"""SSDA903 rule 151 (error): All data items relating to a childs adoption must be coded or left blank.

Flags an AD1 row with some but not all of the adoption items given (dates count as given when
written, valid or not). The DfE lists NB_ADOPTER; the column is NB_ADOPTR.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "151"
MESSAGE = "All data items relating to a childs adoption must be coded or left blank."


ITEMS = (
    "DATE_INT__text",
    "DATE_MATCH__text",
    "FOSTER_CARE",
    "NB_ADOPTR",
    "SEX_ADOPTR",
    "LS_ADOPTR",
)


def check(submission: Submission) -> pl.DataFrame:
    """The AD1 rows this rule flags."""
    return rows(
        submission,
        "AD1",
        pl.any_horizontal(pl.col(c).is_null() for c in ITEMS)
        & pl.any_horizontal(pl.col(c).is_not_null() for c in ITEMS),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"),
    tables=("AD1",),
    type="error",
    check=check,
)
