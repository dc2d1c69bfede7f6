"""SSDA903 rule INT07 (error): Internal Check: Child in PrevPerm does not exist in Header.

Flags a PrevPerm row whose CHILD has no row in the Header (a blank CHILD included).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "INT07"
MESSAGE = "Internal Check: Child in PrevPerm does not exist in Header."


def check(submission: Submission) -> pl.DataFrame:
    """PrevPerm rows whose CHILD is not in the Header."""
    header = submission.tables["Header"].lazy().select("CHILD").unique()
    table = submission.tables["PrevPerm"].lazy()
    return flagged(table.join(header, on="CHILD", how="anti"), "PrevPerm")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CHILD",),
    tables=("Header", "PrevPerm"),
    type="error",
    check=check,
)
