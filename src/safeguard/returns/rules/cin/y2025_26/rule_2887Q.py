"""CIN census rule 2887Q (query): Please check and either amend or provide a reason: Less than 8 disability codes have been used in your return

A rule about the return as a whole (LA level): flags the Header row when fewer than 8 different
disability codes (NONE aside) are used across the return.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import whole_return
from safeguard.returns.engine import Rule, Submission

FEWEST = 8

CODE = "2887Q"
MESSAGE = "Please check and either amend or provide a reason: Less than 8 disability codes have been used in your return"


def check(submission: Submission) -> pl.DataFrame:
    """The Header row if the return uses fewer than 8 disability codes other than NONE."""
    used = (
        submission.tables["Disabilities"]
        .select(pl.col("Disability").filter(pl.col("Disability") != "NONE").n_unique())
        .item()
    )
    return whole_return(submission, raised=int(used or 0) < FEWEST)


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("Disability",),
    tables=("Disabilities", "Header"),
    type="query",
    check=check,
)
