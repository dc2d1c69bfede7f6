"""SSDA903 rule 633 (error): Local authority code where previous permanence option was arranged is not a valid value.

Flags PrevPerm rows whose LA_PERM is given but is neither an English LA's three-digit code
(safeguard.core.codes.ENGLISH_LA_CODES) nor WAL, SCO, NUK or NIR (outside England).
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import ENGLISH_LA_CODES, LA_OUTSIDE_ENGLAND
from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "633"
MESSAGE = "Local authority code where previous permanence option was arranged is not a valid value."


def check(submission: Submission) -> pl.DataFrame:
    """PrevPerm rows with an LA_PERM that is not a valid code."""
    valid = sorted({*ENGLISH_LA_CODES, *LA_OUTSIDE_ENGLAND})
    return rows(
        submission,
        "PrevPerm",
        pl.col("LA_PERM").is_not_null() & ~pl.col("LA_PERM").is_in(valid),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("LA_PERM",),
    tables=("PrevPerm",),
    type="error",
    check=check,
)
