"""SSDA903 rule 207 (error): Mother status for the current year disagrees with the mother status already recorded for this child.

Flags a Header row for a child with episodes this year recorded as a mother (MOTHER 1) in last
year's Header whose mother field is now anything else, blank included.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "207"
MESSAGE = "Mother status for the current year disagrees with the mother status already recorded for this child."


def check(submission: Submission) -> pl.DataFrame:
    """Header rows of children looked after this year who were mothers last year but not now."""
    last = (
        submission.tables["Header_last"]
        .lazy()
        .filter(pl.col("MOTHER") == "1")
        .select("CHILD")
        .unique()
    )
    looked_after = submission.tables["Episodes"].lazy().select("CHILD").unique()
    header = (
        submission.tables["Header"]
        .lazy()
        .filter(pl.col("MOTHER").ne_missing(pl.lit("1")))
        .join(last, on="CHILD", how="semi")
        .join(looked_after, on="CHILD", how="semi")
    )
    return flagged(header, "Header")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("MOTHER",),
    tables=("Header", "Header_last", "Episodes"),
    type="error",
    check=check,
)
