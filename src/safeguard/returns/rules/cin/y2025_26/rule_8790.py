"""CIN census rule 8790 (error): Disability information includes both None and other values

Flags Disabilities rows of a child recorded with NONE and with another disability code.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8790"
MESSAGE = "Disability information includes both None and other values"


def check(submission: Submission) -> pl.DataFrame:
    """Disabilities rows of a child recorded with NONE and with another disability code."""
    return rows(
        submission,
        "Disabilities",
        (pl.col("Disability") == "NONE").any().over("LAchildID")
        & (pl.col("Disability") != "NONE").any().over("LAchildID"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("Disability",),
    tables=("Disabilities",),
    type="error",
    check=check,
)
