"""SSDA903 rule INT05 (error): Internal Check: Child in OC2 does not exist in Header.

Flags a OC2 row whose CHILD has no row in the Header (a blank CHILD included).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "INT05"
MESSAGE = "Internal Check: Child in OC2 does not exist in Header."


def check(submission: Submission) -> pl.DataFrame:
    """OC2 rows whose CHILD is not in the Header."""
    header = submission.tables["Header"].lazy().select("CHILD").unique()
    table = submission.tables["OC2"].lazy()
    return flagged(table.join(header, on="CHILD", how="anti"), "OC2")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CHILD",),
    tables=("Header", "OC2"),
    type="error",
    check=check,
)
