"""SSDA903 rule INT06 (error): Internal Check: Child in OC3 does not exist in Header.

Flags a OC3 row whose CHILD has no row in the Header (a blank CHILD included).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "INT06"
MESSAGE = "Internal Check: Child in OC3 does not exist in Header."


def check(submission: Submission) -> pl.DataFrame:
    """OC3 rows whose CHILD is not in the Header."""
    header = submission.tables["Header"].lazy().select("CHILD").unique()
    table = submission.tables["OC3"].lazy()
    return flagged(table.join(header, on="CHILD", how="anti"), "OC3")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CHILD",),
    tables=("Header", "OC3"),
    type="error",
    check=check,
)
