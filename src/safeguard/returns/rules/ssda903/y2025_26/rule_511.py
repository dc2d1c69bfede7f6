"""SSDA903 rule 511 (error): If reporting that the number of person(s) adopting the looked after child is two adopters then the code should only be MM, FF or MF. MM = the adopting couple are both males; FF = the adopting couple are both females; MF = The adopting couple are male and female.

Flags an AD1 row with two adopters but adopters' sex coded as one adopter (M1 or F1).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "511"
MESSAGE = "If reporting that the number of person(s) adopting the looked after child is two adopters then the code should only be MM, FF or MF. MM = the adopting couple are both males; FF = the adopting couple are both females; MF = The adopting couple are male and female."


def check(submission: Submission) -> pl.DataFrame:
    """The AD1 rows this rule flags."""
    return rows(
        submission,
        "AD1",
        (pl.col("NB_ADOPTR") == "2") & pl.col("SEX_ADOPTR").is_in(["M1", "F1"]),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("NB_ADOPTR", "SEX_ADOPTR"),
    tables=("AD1",),
    type="error",
    check=check,
)
