"""CIN census rule 2884 (error): An initial child protection conference is recorded at both the S47 and CIN Details level and it should only be recorded in one

Flags Section47 rows with a DateOfInitialCPC whose CIN episode also records a DateOfInitialCPC.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import episode_rows
from safeguard.returns.engine import Rule, Submission

CODE = "2884"
MESSAGE = "An initial child protection conference is recorded at both the S47 and CIN Details level and it should only be recorded in one"


def check(submission: Submission) -> pl.DataFrame:
    """Section47 rows with a DateOfInitialCPC whose CIN episode also records a DateOfInitialCPC."""
    return episode_rows(
        submission,
        "Section47",
        pl.col("DateOfInitialCPC").is_not_null() & pl.col("DateOfInitialCPC_cin").is_not_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DateOfInitialCPC",),
    tables=("Section47", "CINdetails"),
    type="error",
    check=check,
)
