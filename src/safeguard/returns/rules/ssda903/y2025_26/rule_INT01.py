"""SSDA903 rule INT01 (error): Data Integrity Check: Child in AD1 does not exist in Header.

Flags a AD1 row whose CHILD has no row in the Header (a blank CHILD included).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "INT01"
MESSAGE = "Data Integrity Check: Child in AD1 does not exist in Header."


def check(submission: Submission) -> pl.DataFrame:
    """AD1 rows whose CHILD is not in the Header."""
    header = submission.tables["Header"].lazy().select("CHILD").unique()
    table = submission.tables["AD1"].lazy()
    return flagged(table.join(header, on="CHILD", how="anti"), "AD1")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CHILD",),
    tables=("Header", "AD1"),
    type="error",
    check=check,
)
