"""SSDA903 rule 149 (error): Reason episode ceased code is not valid.

Flags Episodes rows whose REC is not in the collection year's REC code list
(safeguard.core.codes). A blank value passes (other rules cover missing values).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import not_in_list, rows

CODE = "149"
MESSAGE = "Reason episode ceased code is not valid."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes rows with REC given and not a valid code for the year."""
    return rows(
        submission,
        "Episodes",
        not_in_list("REC", "REC", submission.year, blank_ok=True),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("REC",),
    tables=("Episodes",),
    type="error",
    check=check,
)
