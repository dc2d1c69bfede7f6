"""SSDA903 rule 146 (error): Placement type code is not a valid code.

Flags Episodes rows whose PLACE is not in the collection year's PLACE code list
(safeguard.core.codes). A blank value passes (other rules cover missing values).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import not_in_list, rows

CODE = "146"
MESSAGE = "Placement type code is not a valid code."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes rows with PLACE given and not a valid code for the year."""
    return rows(
        submission,
        "Episodes",
        not_in_list("PLACE", "PLACE", submission.year, blank_ok=True),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PLACE",),
    tables=("Episodes",),
    type="error",
    check=check,
)
