"""SSDA903 rule 514 (error): Data entry on the legal status of adopters shows a single adopter but data entry for the numbers of adopters shows it as a couple.

Flags an AD1 row with adopters' legal status L0 (a single adopter) and adopters' sex not one of
M1, F1 (blank included).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "514"
MESSAGE = "Data entry on the legal status of adopters shows a single adopter but data entry for the numbers of adopters shows it as a couple."


def check(submission: Submission) -> pl.DataFrame:
    """The AD1 rows this rule flags."""
    return rows(
        submission,
        "AD1",
        (pl.col("LS_ADOPTR") == "L0")
        & ~pl.col("SEX_ADOPTR").is_in(["M1", "F1"]).fill_null(value=False),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("LS_ADOPTR", "SEX_ADOPTR"),
    tables=("AD1",),
    type="error",
    check=check,
)
