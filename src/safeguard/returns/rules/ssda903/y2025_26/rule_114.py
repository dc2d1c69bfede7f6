"""SSDA903 rule 114 (error): Data entry to record the status of former carer(s) of an adopted child is invalid.

Flags AD1 rows whose FOSTER_CARE is not in the collection year's FOSTER_CARE code list
(safeguard.core.codes). A blank value passes (other rules cover missing values).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import not_in_list, rows

CODE = "114"
MESSAGE = "Data entry to record the status of former carer(s) of an adopted child is invalid."


def check(submission: Submission) -> pl.DataFrame:
    """AD1 rows with FOSTER_CARE given and not a valid code for the year."""
    return rows(
        submission,
        "AD1",
        not_in_list("FOSTER_CARE", "FOSTER_CARE", submission.year, blank_ok=True),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("FOSTER_CARE",),
    tables=("AD1",),
    type="error",
    check=check,
)
