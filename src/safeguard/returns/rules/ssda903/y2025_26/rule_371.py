"""SSDA903 rule 371 (error): Child in supported accomodation not subject to children’s homes regulations should be at least 16.

Flags an episode placed in supported accommodation (K3) starting before the child's 16th
birthday.
"""

# ruff: noqa: RUF001, RUF002  (the DfE message uses a typographic apostrophe, kept exactly)
from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import birthday, with_header_dob

CODE = "371"
MESSAGE = "Child in supported accomodation not subject to children’s homes regulations should be at least 16."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags (the child's date of birth from the Header)."""
    joined = with_header_dob(submission, "Episodes")
    return flagged(
        joined.filter((pl.col("PLACE") == "K3") & (pl.col("DECOM") < birthday("HEADER_DOB", 16))),
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
