"""SSDA903 rule 392a (error): Child is looked after but no distance is recorded. [NOTE: This check may result in false positives for children formerly UASC]

Flags episodes, other than short breaks (V3, V4), of children not identified as UASC this year or
last, with no placement distance (PL_DISTANCE, derived by the DfE from the postcodes).
PL_DISTANCE is an optional column; without it the rule is skipped, not passed.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import SHORT_BREAK_LEGAL_STATUSES
from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import ever_uasc

CODE = "392a"
MESSAGE = "Child is looked after but no distance is recorded. [NOTE: This check may result in false positives for children formerly UASC]"


def check(submission: Submission) -> pl.DataFrame:
    """Episodes of children never UASC with no placement distance."""
    episodes = (
        submission.tables["Episodes"]
        .lazy()
        .filter(
            pl.col("PL_DISTANCE").is_null()
            & ~pl.col("LS").is_in(list(SHORT_BREAK_LEGAL_STATUSES)).fill_null(value=False)
        )
        .join(ever_uasc(submission), on="CHILD", how="anti", maintain_order="left")
    )
    return flagged(episodes, "Episodes")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PL_DISTANCE",),
    tables=("Episodes",),
    type="error",
    check=check,
    columns=("Episodes.PL_DISTANCE",),
)
