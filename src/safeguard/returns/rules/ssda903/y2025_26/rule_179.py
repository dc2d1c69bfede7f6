"""SSDA903 rule 179 (error): Placement location code is not a valid code.

Flags an episode whose placement location (PL_LOCATION) is written but is not IN or OUT.
PL_LOCATION is derived by the DfE from the postcodes and is an optional column here, so a blank
is not flagged (the public validator flags blanks outside short breaks, which would flag every
episode of a council file that does not carry the derived column).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import not_in_list, rows

CODE = "179"
MESSAGE = "Placement location code is not a valid code."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes with a PL_LOCATION that is not a valid code."""
    return rows(
        submission,
        "Episodes",
        not_in_list("PL_LOCATION", "PL_LOCATION", submission.year, blank_ok=True),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PL_LOCATION",),
    tables=("Episodes",),
    type="error",
    check=check,
    columns=("Episodes.PL_LOCATION",),
)
