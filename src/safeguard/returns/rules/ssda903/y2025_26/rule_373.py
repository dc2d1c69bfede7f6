"""SSDA903 rule 373 (error): Child placed in a school should be at least 4 years old.

Flags an episode placed in a residential school (S1) starting before the child's 4th birthday.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import birthday, with_header_dob

CODE = "373"
MESSAGE = "Child placed in a school should be at least 4 years old."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags (the child's date of birth from the Header)."""
    joined = with_header_dob(submission, "Episodes")
    return flagged(
        joined.filter((pl.col("PLACE") == "S1") & (pl.col("DECOM") < birthday("HEADER_DOB", 4))),
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
