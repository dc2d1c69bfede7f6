"""SSDA903 rule 386 (error): Reason episode ceased is adopted but child has reached age 18.

Flags an episode that ceased with reason adopted (E11, E12) on or after the 18th birthday, by
the date ceased and the Header date of birth.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import birthday, with_header_dob

CODE = "386"
MESSAGE = "Reason episode ceased is adopted but child has reached age 18."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags (the child's date of birth from the Header)."""
    joined = with_header_dob(submission, "Episodes")
    return flagged(
        joined.filter(
            pl.col("REC").is_in(["E11", "E12"]) & (pl.col("DEC") >= birthday("HEADER_DOB", 18))
        ),
        "Episodes",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("REC",),
    tables=("Header", "Episodes"),
    type="error",
    check=check,
)
