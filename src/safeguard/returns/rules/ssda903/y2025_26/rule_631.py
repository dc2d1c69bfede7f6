"""SSDA903 rule 631 (error): Previous permanence option not a valid value.

Flags PrevPerm rows whose PREV_PERM is not in the collection year's PREV_PERM code list
(safeguard.core.codes). A blank value passes (other rules cover missing values).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import not_in_list, rows

CODE = "631"
MESSAGE = "Previous permanence option not a valid value."


def check(submission: Submission) -> pl.DataFrame:
    """PrevPerm rows with PREV_PERM given and not a valid code for the year."""
    return rows(
        submission,
        "PrevPerm",
        not_in_list("PREV_PERM", "PREV_PERM", submission.year, blank_ok=True),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PREV_PERM",),
    tables=("PrevPerm",),
    type="error",
    check=check,
)
