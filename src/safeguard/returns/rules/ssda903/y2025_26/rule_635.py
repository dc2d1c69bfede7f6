"""SSDA903 rule 635 (error): There are entries for date of order and local authority code where previous permanence option was arranged but previous permanence code is Z1

Flags a PrevPerm row with previous permanence Z1 (none) that records a date of order or an
authority. The public validator checks for a blank PREV_PERM instead; this follows the DfE
message.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "635"
MESSAGE = "There are entries for date of order and local authority code where previous permanence option was arranged but previous permanence code is Z1"


def check(submission: Submission) -> pl.DataFrame:
    """The PrevPerm rows this rule flags."""
    return rows(
        submission,
        "PrevPerm",
        (pl.col("PREV_PERM") == "Z1")
        & (pl.col("LA_PERM").is_not_null() | pl.col("DATE_PERM__text").is_not_null()),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("LA_PERM", "DATE_PERM", "PREV_PERM"),
    tables=("PrevPerm",),
    type="error",
    check=check,
)
