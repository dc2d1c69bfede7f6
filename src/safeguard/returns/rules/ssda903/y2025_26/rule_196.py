"""SSDA903 rule 196 (error): Strengths and Difficulties (SDQ) reason is not a valid code.

Flags OC2 rows whose SDQ_REASON is not in the collection year's SDQ_REASON code list
(safeguard.core.codes). A blank value passes (other rules cover missing values).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import not_in_list, rows

CODE = "196"
MESSAGE = "Strengths and Difficulties (SDQ) reason is not a valid code."


def check(submission: Submission) -> pl.DataFrame:
    """OC2 rows with SDQ_REASON given and not a valid code for the year."""
    return rows(
        submission,
        "OC2",
        not_in_list("SDQ_REASON", "SDQ_REASON", submission.year, blank_ok=True),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SDQ_REASON",),
    tables=("OC2",),
    type="error",
    check=check,
)
