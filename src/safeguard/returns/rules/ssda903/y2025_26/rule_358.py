"""SSDA903 rule 358 (error): Child with this legal status should not be under 10.

Flags an episode under a youth justice legal status (J1, J2, J3) starting before the child's
10th birthday.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import birthday, with_header_dob

CODE = "358"
MESSAGE = "Child with this legal status should not be under 10."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags (the child's date of birth from the Header)."""
    joined = with_header_dob(submission, "Episodes")
    return flagged(
        joined.filter(
            pl.col("LS").is_in(["J1", "J2", "J3"]) & (pl.col("DECOM") < birthday("HEADER_DOB", 10))
        ),
        "Episodes",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DECOM", "DOB", "LS"),
    tables=("Header", "Episodes"),
    type="error",
    check=check,
)
