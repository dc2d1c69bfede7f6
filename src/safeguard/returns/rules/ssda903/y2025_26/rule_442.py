"""SSDA903 rule 442 (error): Unique Pupil Number (UPN) field is not completed.

Flags a Header row with a blank UPN for a child with at least one episode this year (an unknown
UPN must be coded UN1-UN5).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "442"
MESSAGE = "Unique Pupil Number (UPN) field is not completed."


def check(submission: Submission) -> pl.DataFrame:
    """Header rows with no UPN for children with episodes."""
    looked_after = submission.tables["Episodes"].lazy().select("CHILD").unique()
    header = submission.tables["Header"].lazy().filter(pl.col("UPN").is_null())
    return flagged(header.join(looked_after, on="CHILD", how="semi"), "Header")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("UPN",),
    tables=("Header", "Episodes"),
    type="error",
    check=check,
)
