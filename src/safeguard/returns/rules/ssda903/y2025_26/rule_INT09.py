"""SSDA903 rule INT09 (error): Internal Check: Child in UASC does not exist in Header.

Flags a UASC row whose CHILD has no row in the Header (a blank CHILD included).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "INT09"
MESSAGE = "Internal Check: Child in UASC does not exist in Header."


def check(submission: Submission) -> pl.DataFrame:
    """UASC rows whose CHILD is not in the Header."""
    header = submission.tables["Header"].lazy().select("CHILD").unique()
    table = submission.tables["UASC"].lazy()
    return flagged(table.join(header, on="CHILD", how="anti"), "UASC")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CHILD",),
    tables=("Header", "UASC"),
    type="error",
    check=check,
)
