"""SSDA903 rule INT04 (error): Internal Check: Child in Missing does not exist in Header.

Flags a Missing row whose CHILD has no row in the Header (a blank CHILD included).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "INT04"
MESSAGE = "Internal Check: Child in Missing does not exist in Header."


def check(submission: Submission) -> pl.DataFrame:
    """Missing rows whose CHILD is not in the Header."""
    header = submission.tables["Header"].lazy().select("CHILD").unique()
    table = submission.tables["Missing"].lazy()
    return flagged(table.join(header, on="CHILD", how="anti"), "Missing")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CHILD",),
    tables=("Header", "Missing"),
    type="error",
    check=check,
)
