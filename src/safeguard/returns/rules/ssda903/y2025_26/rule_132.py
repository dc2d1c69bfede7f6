"""SSDA903 rule 132 (error): Data entry for activity after leaving care is invalid.

Flags OC3 rows whose ACTIV is not in the collection year's ACTIV code list
(safeguard.core.codes). A blank value is flagged too.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import not_in_list, rows

CODE = "132"
MESSAGE = "Data entry for activity after leaving care is invalid."


def check(submission: Submission) -> pl.DataFrame:
    """OC3 rows with ACTIV not a valid code for the year."""
    return rows(
        submission,
        "OC3",
        not_in_list("ACTIV", "ACTIV", submission.year, blank_ok=False),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("ACTIV",),
    tables=("OC3",),
    type="error",
    check=check,
)
