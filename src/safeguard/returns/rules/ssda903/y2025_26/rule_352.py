"""SSDA903 rule 352 (error): Child who started to be looked after was aged 18 or over.

Flags an episode that starts a period of care (RNE S) on or after the child's 18th birthday.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import birthday, with_header_dob

CODE = "352"
MESSAGE = "Child who started to be looked after was aged 18 or over."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags (the child's date of birth from the Header)."""
    joined = with_header_dob(submission, "Episodes")
    return flagged(
        joined.filter((pl.col("RNE") == "S") & (pl.col("DECOM") >= birthday("HEADER_DOB", 18))),
        "Episodes",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DECOM", "RNE"),
    tables=("Header", "Episodes"),
    type="error",
    check=check,
)
