"""SSDA903 rule 703 (error): The date that the DoLO started is after the end of the collection year.

Flags DoLo rows whose DOLO_START is after 31 March at the end of the collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, year_end
from safeguard.returns.ssda903.expressions import rows

CODE = "703"
MESSAGE = "The date that the DoLO started is after the end of the collection year."


def check(submission: Submission) -> pl.DataFrame:
    """DoLo rows starting after the collection year ends."""
    return rows(submission, "DoLo", pl.col("DOLO_START") > year_end(submission.year))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOLO_START",),
    tables=("DoLo",),
    type="error",
    check=check,
)
