"""SSDA903 rule 407 (error): Reason episode ceased is Special Guardianship Order, but child has reached age 18.

Flags an episode that ceased with reason special guardianship order (E45, E46) on or after the
18th birthday, by the date ceased and the Header date of birth.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import birthday, with_header_dob

CODE = "407"
MESSAGE = "Reason episode ceased is Special Guardianship Order, but child has reached age 18."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags (the child's date of birth from the Header)."""
    joined = with_header_dob(submission, "Episodes")
    return flagged(
        joined.filter(
            pl.col("REC").is_in(["E45", "E46"]) & (pl.col("DEC") >= birthday("HEADER_DOB", 18))
        ),
        "Episodes",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DEC", "DOB", "REC"),
    tables=("Header", "Episodes"),
    type="error",
    check=check,
)
