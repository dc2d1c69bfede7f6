"""SSDA903 rule INT08 (error): Internal Check: Child in Reviews does not exist in Header.

Flags a Reviews row whose CHILD has no row in the Header (a blank CHILD included).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "INT08"
MESSAGE = "Internal Check: Child in Reviews does not exist in Header."


def check(submission: Submission) -> pl.DataFrame:
    """Reviews rows whose CHILD is not in the Header."""
    header = submission.tables["Header"].lazy().select("CHILD").unique()
    table = submission.tables["Reviews"].lazy()
    return flagged(table.join(header, on="CHILD", how="anti"), "Reviews")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CHILD",),
    tables=("Header", "Reviews"),
    type="error",
    check=check,
)
