"""SSDA903 rule 389 (error): Reason episode ceased is that child transferred to care of adult social care services, but child is aged under 16.

Flags an episode that ceased with reason transferred to adult social care (E7) before the 16th
birthday, by the date ceased and the Header date of birth.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import birthday, with_header_dob

CODE = "389"
MESSAGE = "Reason episode ceased is that child transferred to care of adult social care services, but child is aged under 16."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags (the child's date of birth from the Header)."""
    joined = with_header_dob(submission, "Episodes")
    return flagged(
        joined.filter(pl.col("REC").is_in(["E7"]) & (pl.col("DEC") < birthday("HEADER_DOB", 16))),
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
