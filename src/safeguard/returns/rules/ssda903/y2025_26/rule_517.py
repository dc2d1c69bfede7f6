"""SSDA903 rule 517 (error): If reporting legal status of adopters is L3 then the genders of adopters should be coded as MF. MF = the adopting couple are male and female.

Flags an AD1 row with adopters' legal status L3 (a different-sex unmarried couple) and adopters'
sex not one of MF (blank included).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "517"
MESSAGE = "If reporting legal status of adopters is L3 then the genders of adopters should be coded as MF. MF = the adopting couple are male and female."


def check(submission: Submission) -> pl.DataFrame:
    """The AD1 rows this rule flags."""
    return rows(
        submission,
        "AD1",
        (pl.col("LS_ADOPTR") == "L3") & ~pl.col("SEX_ADOPTR").is_in(["MF"]).fill_null(value=False),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("LS_ADOPTR", "SEX_ADOPTR"),
    tables=("AD1",),
    type="error",
    check=check,
)
