"""SSDA903 rule 145 (error): Category of need code is not a valid code.

Flags Episodes rows whose CIN is not in the collection year's CIN code list
(safeguard.core.codes). A blank value passes (other rules cover missing values).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import not_in_list, rows

CODE = "145"
MESSAGE = "Category of need code is not a valid code."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes rows with CIN given and not a valid code for the year."""
    return rows(
        submission,
        "Episodes",
        not_in_list("CIN", "CIN", submission.year, blank_ok=True),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CIN",),
    tables=("Episodes",),
    type="error",
    check=check,
)
