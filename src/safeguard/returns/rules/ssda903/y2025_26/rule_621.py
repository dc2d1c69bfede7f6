"""SSDA903 rule 621 (error): Mother’s field has been completed but date of birth shows that the mother is younger than her child.

Flags a Header row whose mother's child's date of birth is on or before the child's own date of
birth (both valid dates).
"""

# ruff: noqa: RUF001, RUF002  (the DfE message uses a typographic apostrophe, kept exactly)
from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "621"
MESSAGE = "Mother’s field has been completed but date of birth shows that the mother is younger than her child."


def check(submission: Submission) -> pl.DataFrame:
    """The Header rows this rule flags."""
    return rows(
        submission,
        "Header",
        pl.col("MC_DOB") <= pl.col("DOB"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOB", "MC_DOB"),
    tables=("Header",),
    type="error",
    check=check,
)
