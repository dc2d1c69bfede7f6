"""SSDA903 rule 520 (error): Data entry on the legal status of adopters shows different gender married couple but data entry on genders of adopters shows it as a same gender couple.

Flags an AD1 row with adopters' legal status L11 (a different-sex married couple) and adopters'
sex not one of MF (blank included).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "520"
MESSAGE = "Data entry on the legal status of adopters shows different gender married couple but data entry on genders of adopters shows it as a same gender couple."


def check(submission: Submission) -> pl.DataFrame:
    """The AD1 rows this rule flags."""
    return rows(
        submission,
        "AD1",
        (pl.col("LS_ADOPTR") == "L11") & ~pl.col("SEX_ADOPTR").is_in(["MF"]).fill_null(value=False),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("LS_ADOPTR", "SEX_ADOPTR"),
    tables=("AD1",),
    type="error",
    check=check,
)
