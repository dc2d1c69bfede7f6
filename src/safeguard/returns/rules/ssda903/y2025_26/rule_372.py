"""SSDA903 rule 372 (error): Child in youth custody or prison should be at least 10.

Flags an episode placed in a young offender institution or prison (R5) starting before the
child's 10th birthday.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import birthday, with_header_dob

CODE = "372"
MESSAGE = "Child in youth custody or prison should be at least 10."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags (the child's date of birth from the Header)."""
    joined = with_header_dob(submission, "Episodes")
    return flagged(
        joined.filter((pl.col("PLACE") == "R5") & (pl.col("DECOM") < birthday("HEADER_DOB", 10))),
        "Episodes",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DECOM", "PLACE"),
    tables=("Header", "Episodes"),
    type="error",
    check=check,
)
