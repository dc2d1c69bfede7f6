"""SSDA903 rule 174 (error): Mother's child date of birth is recorded but sex shows that the child is a male.

Flags a Header row with a mother's child's date of birth written (valid or not) and SEX M.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "174"
MESSAGE = "Mother's child date of birth is recorded but sex shows that the child is a male."


def check(submission: Submission) -> pl.DataFrame:
    """The Header rows this rule flags."""
    return rows(
        submission,
        "Header",
        pl.col("MC_DOB__text").is_not_null() & (pl.col("SEX") == "M"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SEX", "MC_DOB"),
    tables=("Header",),
    type="error",
    check=check,
)
