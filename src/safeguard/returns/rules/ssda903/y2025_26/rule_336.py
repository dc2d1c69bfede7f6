"""SSDA903 rule 336 (error): Child does not have a foster placement immediately prior to being placed for adoption.

Flags an episode placed for adoption with the current foster carers (A3, A5) whose child's
previous episode was not a foster or adoption placement (U1-U6, A3-A6); a child's first episode
in the return is not checked. The DfE rule text names A3 and A5; the public validator checks A3
and A4. Episodes are held in child and date order.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import previous, rows

CODE = "336"
MESSAGE = "Child does not have a foster placement immediately prior to being placed for adoption."


FOSTER_OR_ADOPTION = ("A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6")


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        pl.col("PLACE").is_in(["A3", "A5"])
        & previous("CHILD").is_not_null()
        & ~previous("PLACE").is_in(FOSTER_OR_ADOPTION).fill_null(value=False),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PLACE",),
    tables=("Episodes",),
    type="error",
    check=check,
)
