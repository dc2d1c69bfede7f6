"""SSDA903 rule 628 (error): Motherhood details are not required for care leavers who have not been looked after during the year.

Flags a Header row with the mother field completed for a care leaver (an OC3 row with any care
leaver item) who has no episodes this year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "628"
MESSAGE = "Motherhood details are not required for care leavers who have not been looked after during the year."


CARE_LEAVER = ("IN_TOUCH", "ACTIV", "ACCOM")


def check(submission: Submission) -> pl.DataFrame:
    """Header rows with a mother field for care leavers with no episodes this year."""
    care_leavers = (
        submission.tables["OC3"]
        .lazy()
        .filter(pl.any_horizontal(pl.col(c).is_not_null() for c in CARE_LEAVER))
        .select("CHILD")
    )
    looked_after = submission.tables["Episodes"].lazy().select("CHILD")
    header = (
        submission.tables["Header"]
        .lazy()
        .filter(pl.col("MOTHER").is_not_null())
        .join(looked_after, on="CHILD", how="anti")
        .join(care_leavers, on="CHILD", how="semi")
    )
    return flagged(header, "Header")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("MOTHER",),
    tables=("Episodes", "Header", "OC3"),
    type="error",
    check=check,
)
