"""SSDA903 rule 175 (error): The number of adopter(s) code is not a valid code.

Flags AD1 rows whose NB_ADOPTR is not in the collection year's NB_ADOPTR code list
(safeguard.core.codes). A blank value passes (other rules cover missing values).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import not_in_list, rows

CODE = "175"
MESSAGE = "The number of adopter(s) code is not a valid code."


def check(submission: Submission) -> pl.DataFrame:
    """AD1 rows with NB_ADOPTR given and not a valid code for the year."""
    return rows(
        submission,
        "AD1",
        not_in_list("NB_ADOPTR", "NB_ADOPTR", submission.year, blank_ok=True),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("NB_ADOPTR",),
    tables=("AD1",),
    type="error",
    check=check,
)
