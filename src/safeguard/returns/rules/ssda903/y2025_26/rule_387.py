"""SSDA903 rule 387 (error): Reason episode ceased is child moved into independent living arrangement, but the child is aged under 14.

Flags an episode that ceased with reason moved to independent living (E47, E48) before the 14th
birthday, by the date ceased and the Header date of birth.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import birthday, with_header_dob

CODE = "387"
MESSAGE = "Reason episode ceased is child moved into independent living arrangement, but the child is aged under 14."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags (the child's date of birth from the Header)."""
    joined = with_header_dob(submission, "Episodes")
    return flagged(
        joined.filter(
            pl.col("REC").is_in(["E47", "E48"]) & (pl.col("DEC") < birthday("HEADER_DOB", 14))
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
