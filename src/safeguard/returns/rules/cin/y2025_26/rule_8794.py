"""CIN census rule 8794 (error): Child has two or more disabilities with the same code

Flags Disabilities rows whose code the same child has more than once (every such row).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8794"
MESSAGE = "Child has two or more disabilities with the same code"


def check(submission: Submission) -> pl.DataFrame:
    """Disabilities rows whose code the same child has more than once (every such row)."""
    return rows(
        submission,
        "Disabilities",
        pl.struct("LAchildID", "Disability").is_duplicated() & pl.col("Disability").is_not_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("Disability",),
    tables=("Disabilities",),
    type="error",
    check=check,
)
