"""SSDA903 rule 302 (error): First episode starts before child was born.

Flags an episode that starts before the child's date of birth in the Header.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import with_header_dob

CODE = "302"
MESSAGE = "First episode starts before child was born."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags (the child's date of birth from the Header)."""
    joined = with_header_dob(submission, "Episodes")
    return flagged(joined.filter(pl.col("DECOM") < pl.col("HEADER_DOB")), "Episodes")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DECOM", "DOB"),
    tables=("Header", "Episodes"),
    type="error",
    check=check,
)
