"""SSDA903 rule 103 (error): The ethnicity code is either not valid or has not been entered.

Flags Header rows whose ETHNIC is not in the collection year's ETHNIC code list
(safeguard.core.codes). A blank value is flagged too.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import not_in_list, rows

CODE = "103"
MESSAGE = "The ethnicity code is either not valid or has not been entered."


def check(submission: Submission) -> pl.DataFrame:
    """Header rows with ETHNIC not a valid code for the year."""
    return rows(
        submission,
        "Header",
        not_in_list("ETHNIC", "ETHNIC", submission.year, blank_ok=False),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("ETHNIC",),
    tables=("Header",),
    type="error",
    check=check,
)
