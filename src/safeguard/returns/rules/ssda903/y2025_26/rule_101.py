"""SSDA903 rule 101 (error): The child or young person’s reported sex is not valid.

Flags Header rows whose SEX is not in the collection year's SEX code list
(safeguard.core.codes). A blank value is flagged too.
"""

# ruff: noqa: RUF001, RUF002  (the DfE message uses a typographic apostrophe, kept exactly)
from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import not_in_list, rows

CODE = "101"
MESSAGE = "The child or young person’s reported sex is not valid."


def check(submission: Submission) -> pl.DataFrame:
    """Header rows with SEX not a valid code for the year."""
    return rows(
        submission,
        "Header",
        not_in_list("SEX", "SEX", submission.year, blank_ok=False),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SEX",),
    tables=("Header",),
    type="error",
    check=check,
)
