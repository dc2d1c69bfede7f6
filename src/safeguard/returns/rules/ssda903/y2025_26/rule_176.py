"""SSDA903 rule 176 (error): The gender of adopter(s) at the date of adoption code is not a valid code.

Flags AD1 rows whose SEX_ADOPTR is not in the collection year's SEX_ADOPTR code list
(safeguard.core.codes). A blank value passes (other rules cover missing values).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import not_in_list, rows

CODE = "176"
MESSAGE = "The gender of adopter(s) at the date of adoption code is not a valid code."


def check(submission: Submission) -> pl.DataFrame:
    """AD1 rows with SEX_ADOPTR given and not a valid code for the year."""
    return rows(
        submission,
        "AD1",
        not_in_list("SEX_ADOPTR", "SEX_ADOPTR", submission.year, blank_ok=True),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SEX_ADOPTR",),
    tables=("AD1",),
    type="error",
    check=check,
)
