"""SSDA903 rule 393 (error): Child is looked after but mother field is not completed.

Flags a Header row for a girl (SEX F) with the mother field blank who has an episode other than
a short break (legal status V3 or V4) this year.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import SHORT_BREAK_LEGAL_STATUSES
from safeguard.returns.engine import Rule, Submission, flagged

CODE = "393"
MESSAGE = "Child is looked after but mother field is not completed."


def check(submission: Submission) -> pl.DataFrame:
    """Girls looked after (other than short breaks) with the mother field blank."""
    looked_after = (
        submission.tables["Episodes"]
        .lazy()
        .filter(~pl.col("LS").is_in(list(SHORT_BREAK_LEGAL_STATUSES)).fill_null(value=False))
        .select("CHILD")
        .unique()
    )
    header = (
        submission.tables["Header"]
        .lazy()
        .filter((pl.col("SEX") == "F") & pl.col("MOTHER").is_null())
    )
    return flagged(header.join(looked_after, on="CHILD", how="semi"), "Header")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("MOTHER",),
    tables=("Header", "Episodes"),
    type="error",
    check=check,
)
