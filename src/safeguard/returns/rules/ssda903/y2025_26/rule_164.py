"""SSDA903 rule 164 (error): Distance is not valid. Please check a valid postcode has been entered. [NOTE: This check will result in false positives for children formerly UASC not identified as such in loaded data]

Flags episodes, other than short breaks (legal status V3, V4), of children not identified as
UASC this year or last (any Header UASC of 1 or UASC row given), whose placement distance
(PL_DISTANCE, derived by the DfE from the postcodes) is given but is not a number from 0.0 to
999.9. PL_DISTANCE is an optional column; without it the rule is skipped, not passed.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import SHORT_BREAK_LEGAL_STATUSES
from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import ever_uasc, miles

CODE = "164"
MESSAGE = "Distance is not valid. Please check a valid postcode has been entered. [NOTE: This check will result in false positives for children formerly UASC not identified as such in loaded data]"


def check(submission: Submission) -> pl.DataFrame:
    """Episodes of children never UASC whose placement distance is not valid."""
    distance = miles("PL_DISTANCE")
    invalid = pl.col("PL_DISTANCE").is_not_null() & ~distance.is_between(0.0, 999.9).fill_null(
        value=False
    )
    episodes = (
        submission.tables["Episodes"]
        .lazy()
        .filter(
            invalid & ~pl.col("LS").is_in(list(SHORT_BREAK_LEGAL_STATUSES)).fill_null(value=False)
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
