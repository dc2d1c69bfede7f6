"""SSDA903 rule 234 (error): A child aged under 10 can not change placement due to being admitted to custody

Flags an episode whose reason for placement change is custody (CUSTOD) and which started before
the child's 10th birthday.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import birthday, with_header_dob

CODE = "234"
MESSAGE = "A child aged under 10 can not change placement due to being admitted to custody"


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags (the child's date of birth from the Header)."""
    joined = with_header_dob(submission, "Episodes")
    return flagged(
        joined.filter(
            (pl.col("REASON_PLACE_CHANGE") == "CUSTOD")
            & (pl.col("DECOM") < birthday("HEADER_DOB", 10))
        ),
        "Episodes",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("REASON_PLACE_CHANGE", "DOB"),
    tables=("Header", "Episodes"),
    type="error",
    check=check,
)
