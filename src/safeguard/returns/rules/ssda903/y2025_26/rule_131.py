"""SSDA903 rule 131 (error): Data entry for being in touch after leaving care is invalid.

Flags OC3 rows whose IN_TOUCH is not in the collection year's IN_TOUCH code list
(safeguard.core.codes). A blank value is flagged too.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import not_in_list, rows

CODE = "131"
MESSAGE = "Data entry for being in touch after leaving care is invalid."


def check(submission: Submission) -> pl.DataFrame:
    """OC3 rows with IN_TOUCH not a valid code for the year."""
    return rows(
        submission,
        "OC3",
        not_in_list("IN_TOUCH", "IN_TOUCH", submission.year, blank_ok=False),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("IN_TOUCH",),
    tables=("OC3",),
    type="error",
    check=check,
)
