"""SSDA903 rule 365 (error): Any individual short- term respite placement must not exceed 17 days.

Flags a short-break episode (V3) lasting more than 17 days; an open episode counts to 31 March
at the end of the collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, year_end
from safeguard.returns.ssda903.expressions import rows

CODE = "365"
MESSAGE = "Any individual short- term respite placement must not exceed 17 days."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        (pl.col("LS") == "V3")
        & (
            pl.col("DEC").fill_null(year_end(submission.year)) - pl.col("DECOM")
            > pl.duration(days=17)
        ),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("LS", "DECOM", "DEC"),
    tables=("Episodes",),
    type="error",
    check=check,
)
