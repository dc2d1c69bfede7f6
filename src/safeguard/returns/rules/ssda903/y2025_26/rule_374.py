"""SSDA903 rule 374 (error): Child in residential employment should be at least 14 years old.

Flags an episode placed in residential employment (P3) starting before the child's 14th
birthday.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import birthday, with_header_dob

CODE = "374"
MESSAGE = "Child in residential employment should be at least 14 years old."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags (the child's date of birth from the Header)."""
    joined = with_header_dob(submission, "Episodes")
    return flagged(
        joined.filter((pl.col("PLACE") == "P3") & (pl.col("DECOM") < birthday("HEADER_DOB", 14))),
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
