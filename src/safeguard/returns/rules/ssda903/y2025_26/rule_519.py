"""SSDA903 rule 519 (error): Data entered on the legal status of adopters shows civil partnership couple, but data entered on genders of adopters does not show it as a couple.

Flags an AD1 row with adopters' legal status L2 (a civil partnership couple) and adopters' sex
not one of MM, FF, MF (blank included).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "519"
MESSAGE = "Data entered on the legal status of adopters shows civil partnership couple, but data entered on genders of adopters does not show it as a couple."


def check(submission: Submission) -> pl.DataFrame:
    """The AD1 rows this rule flags."""
    return rows(
        submission,
        "AD1",
        (pl.col("LS_ADOPTR") == "L2")
        & ~pl.col("SEX_ADOPTR").is_in(["MM", "FF", "MF"]).fill_null(value=False),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("LS_ADOPTR", "SEX_ADOPTR"),
    tables=("AD1",),
    type="error",
    check=check,
)
