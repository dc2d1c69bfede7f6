"""SSDA903 rule INT03 (error): Internal Check: Child in Episodes does not exist in Header.

Flags a Episodes row whose CHILD has no row in the Header (a blank CHILD included).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "INT03"
MESSAGE = "Internal Check: Child in Episodes does not exist in Header."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes rows whose CHILD is not in the Header."""
    header = submission.tables["Header"].lazy().select("CHILD").unique()
    table = submission.tables["Episodes"].lazy()
    return flagged(table.join(header, on="CHILD", how="anti"), "Episodes")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CHILD",),
    tables=("Header", "Episodes"),
    type="error",
    check=check,
)
