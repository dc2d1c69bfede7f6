"""SSDA903 rule 120 (error): The reason for the reversal of the decision that the child should be placed for adoption code is not valid.

Flags PlacedAdoption rows whose REASON_PLACED_CEASED is not in the collection year's
REASON_PLACED_CEASED code list (safeguard.core.codes). A blank value passes (other rules cover
missing values).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import not_in_list, rows

CODE = "120"
MESSAGE = "The reason for the reversal of the decision that the child should be placed for adoption code is not valid."


def check(submission: Submission) -> pl.DataFrame:
    """PlacedAdoption rows with REASON_PLACED_CEASED given and not a valid code for the year."""
    return rows(
        submission,
        "PlacedAdoption",
        not_in_list("REASON_PLACED_CEASED", "REASON_PLACED_CEASED", submission.year, blank_ok=True),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("REASON_PLACED_CEASED",),
    tables=("PlacedAdoption",),
    type="error",
    check=check,
)
