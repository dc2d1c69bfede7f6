"""CIN census rule 8750 (error): Sex must equal U for an unborn child

Flags ChildIdentifiers rows of an unborn child (an ExpectedPersonBirthDate and no PersonBirthDate)
whose Sex is not U.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8750"
MESSAGE = "Sex must equal U for an unborn child"


def check(submission: Submission) -> pl.DataFrame:
    """ChildIdentifiers rows of an unborn child (an ExpectedPersonBirthDate and no PersonBirthDate)
    whose Sex is not U."""
    return rows(
        submission,
        "ChildIdentifiers",
        pl.col("PersonBirthDate").is_null()
        & pl.col("ExpectedPersonBirthDate").is_not_null()
        & (pl.col("Sex") != "U"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("Sex", "PersonBirthDate", "ExpectedPersonBirthDate"),
    tables=("ChildIdentifiers",),
    type="error",
    check=check,
)
