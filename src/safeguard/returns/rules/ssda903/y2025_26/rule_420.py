"""SSDA903 rule 420 (error): LA of placement completed but child is looked after under legal status V3 or V4.

Flags a short-break episode (LS V3 or V4) with a local authority of placement (PL_LA) given.
PL_LA is an optional column; without it the rule is skipped, not passed.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import SHORT_BREAK_LEGAL_STATUSES
from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import given, rows

CODE = "420"
MESSAGE = "LA of placement completed but child is looked after under legal status V3 or V4."


def check(submission: Submission) -> pl.DataFrame:
    """Short-break episodes with PL_LA given."""
    short_break = pl.col("LS").is_in(list(SHORT_BREAK_LEGAL_STATUSES)).fill_null(value=False)
    return rows(submission, "Episodes", short_break & given("PL_LA"))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PL_LA",),
    tables=("Episodes",),
    type="error",
    check=check,
    columns=("Episodes.PL_LA",),
)
