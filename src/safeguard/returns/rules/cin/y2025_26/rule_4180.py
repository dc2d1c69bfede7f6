"""CIN census rule 4180 (error): Sex must be provided and equal M, F, or U

Flags ChildIdentifiers rows whose Sex is blank or not M, F or U.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import not_in_list, rows
from safeguard.returns.engine import Rule, Submission

CODE = "4180"
MESSAGE = "Sex must be provided and equal M, F, or U"


def check(submission: Submission) -> pl.DataFrame:
    """ChildIdentifiers rows whose Sex is blank or not M, F or U."""
    return rows(
        submission,
        "ChildIdentifiers",
        not_in_list("Sex", "Sex", submission.year, blank_ok=False),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("Sex",),
    tables=("ChildIdentifiers",),
    type="error",
    check=check,
)
