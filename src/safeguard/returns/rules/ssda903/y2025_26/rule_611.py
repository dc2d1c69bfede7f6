"""SSDA903 rule 611 (error): Date of birth field is blank, but child is a mother.

Flags a Header row with MOTHER 1 and no mother's child's date of birth written.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "611"
MESSAGE = "Date of birth field is blank, but child is a mother."


def check(submission: Submission) -> pl.DataFrame:
    """The Header rows this rule flags."""
    return rows(
        submission,
        "Header",
        (pl.col("MOTHER") == "1") & pl.col("MC_DOB__text").is_null(),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("MOTHER", "MC_DOB"),
    tables=("Header",),
    type="error",
    check=check,
)
