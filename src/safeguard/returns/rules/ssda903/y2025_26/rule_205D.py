"""SSDA903 rule 205D (error): Child identified as UASC this year but not identified as UASC status provided for the child last year.

Flags the Header row (or, where the Header has no UASC column, the UASC row) of a child identified
as UASC this year but not last year, among children in last year's return (`uasc_status` in both
years).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import uasc_status

CODE = "205D"
MESSAGE = "Child identified as UASC this year but not identified as UASC status provided for the child last year."


def check(submission: Submission) -> pl.DataFrame:
    """Rows of children UASC this year who were in last year's return and not UASC then."""
    now, last = uasc_status(submission), uasc_status(submission, "_last")
    assert now is not None and last is not None
    newly = (
        now.filter(pl.col("UASC") == "1")
        .join(last.rename({"UASC": "LAST"}), on="CHILD", how="inner")
        .filter(pl.col("LAST") != "1")
        .select("CHILD")
    )
    header = submission.tables["Header"]
    table = "Header" if "UASC" in header.columns else "UASC"
    found = (
        submission.tables[table].lazy().join(newly, on="CHILD", how="semi", maintain_order="left")
    )
    return flagged(found, table)


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("UASC", "CHILD"),
    tables=("UASC", "UASC_last", "Header"),
    type="error",
    check=check,
)
