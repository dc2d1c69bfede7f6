"""SSDA903 rule 1006 (error): Missing type invalid.

Flags Missing rows whose MISSING is not in the collection year's MISSING code list
(safeguard.core.codes). A blank value passes (other rules cover missing values).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import not_in_list, rows

CODE = "1006"
MESSAGE = "Missing type invalid."


def check(submission: Submission) -> pl.DataFrame:
    """Missing rows with MISSING given and not a valid code for the year."""
    return rows(
        submission,
        "Missing",
        not_in_list("MISSING", "MISSING", submission.year, blank_ok=True),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("MISSING",),
    tables=("Missing",),
    type="error",
    check=check,
)
