"""SSDA903 rule 705 (error): A DoLO cannot start when the previous DoLO is still open.

Flags a DoLo row when the same child's previous DoLO (by start date) has no end date or
ends after this one starts. A DoLO may start the day the previous one ended.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import previous, rows

CODE = "705"
MESSAGE = "A DoLO cannot start when the previous DoLO is still open."


def check(submission: Submission) -> pl.DataFrame:
    """DoLo rows starting while the child's previous DoLO is still open."""
    # The reader holds DoLo sorted by child then DOLO_START, so `previous` is the earlier DoLO.
    has_previous = previous("CHILD").is_not_null()
    still_open = previous("DOLO_END").is_null() | (previous("DOLO_END") > pl.col("DOLO_START"))
    return rows(submission, "DoLo", pl.col("DOLO_START").is_not_null() & has_previous & still_open)


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOLO_START", "DOLO_END"),
    tables=("DoLo",),
    type="error",
    check=check,
)
