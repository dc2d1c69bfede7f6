"""SSDA903 rule 460 (error): Reason episode ceased is that child stayed with current carers at age 18 (or above), but child is aged under 18.

Flags an episode that ceased with reason remained with current carers at 18 or over (E17) before
the 18th birthday, by the date ceased and the Header date of birth.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import birthday, with_header_dob

CODE = "460"
MESSAGE = "Reason episode ceased is that child stayed with current carers at age 18 (or above), but child is aged under 18."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags (the child's date of birth from the Header)."""
    joined = with_header_dob(submission, "Episodes")
    return flagged(
        joined.filter(pl.col("REC").is_in(["E17"]) & (pl.col("DEC") < birthday("HEADER_DOB", 18))),
        "Episodes",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DEC", "REC"),
    tables=("Header", "Episodes"),
    type="error",
    check=check,
)
