"""SSDA903 rule 143 (error): The reason for new episode code is not a valid code.

Flags Episodes rows whose RNE is not in the collection year's RNE code list
(safeguard.core.codes). A blank value passes (other rules cover missing values).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import not_in_list, rows

CODE = "143"
MESSAGE = "The reason for new episode code is not a valid code."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes rows with RNE given and not a valid code for the year."""
    return rows(
        submission,
        "Episodes",
        not_in_list("RNE", "RNE", submission.year, blank_ok=True),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("RNE",),
    tables=("Episodes",),
    type="error",
    check=check,
)
