"""SSDA903 rule 392b (error): Child is looked after but no postcodes are recorded. [NOTE: This check may result in false positives for children formerly UASC, particularly if current & prior year UASC data not loaded]

Flags episodes, other than short breaks (V3, V4), of children not identified as UASC this year or
last (a Header UASC of 1 or a UASC row, in either year's tables given), with no home postcode
(HOME_POST) or no placement postcode (PL_POST).
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import SHORT_BREAK_LEGAL_STATUSES
from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import ever_uasc

CODE = "392b"
MESSAGE = "Child is looked after but no postcodes are recorded. [NOTE: This check may result in false positives for children formerly UASC, particularly if current & prior year UASC data not loaded]"


def check(submission: Submission) -> pl.DataFrame:
    """Episodes of children never UASC missing a postcode."""
    episodes = (
        submission.tables["Episodes"]
        .lazy()
        .filter(
            (pl.col("HOME_POST").is_null() | pl.col("PL_POST").is_null())
            & ~pl.col("LS").is_in(list(SHORT_BREAK_LEGAL_STATUSES)).fill_null(value=False)
        )
        .join(ever_uasc(submission), on="CHILD", how="anti", maintain_order="left")
    )
    return flagged(episodes, "Episodes")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("HOME_POST", "PL_POST"),
    tables=("Episodes",),
    type="error",
    check=check,
)
