"""SSDA903 rule 1009 (error): Reason for placement change is not a valid code.

Flags Episodes rows whose REASON_PLACE_CHANGE is not in the collection year's
REASON_PLACE_CHANGE code list (safeguard.core.codes). A blank value passes (other rules cover
missing values).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import not_in_list, rows

CODE = "1009"
MESSAGE = "Reason for placement change is not a valid code."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes rows with REASON_PLACE_CHANGE given and not a valid code for the year."""
    return rows(
        submission,
        "Episodes",
        not_in_list("REASON_PLACE_CHANGE", "REASON_PLACE_CHANGE", submission.year, blank_ok=True),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("REASON_PLACE_CHANGE",),
    tables=("Episodes",),
    type="error",
    check=check,
)
