"""SSDA903 rule 1014 (error): UASC information is not required for care leavers

Flags the UASC rows and the OC3 rows (with IN_TOUCH, ACTIV or ACCOM given) of care leavers: children
with such OC3 information and no episode open at any time in the collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_end, year_start
from safeguard.returns.ssda903.expressions import given

CODE = "1014"
MESSAGE = "UASC information is not required for care leavers"


def check(submission: Submission) -> pl.DataFrame:
    """UASC and OC3 rows of care leavers not looked after this year."""
    start, end = year_start(submission.year), year_end(submission.year)
    looked_after = (
        submission.tables["Episodes"]
        .lazy()
        .filter((pl.col("DECOM") <= end) & (pl.col("DEC").is_null() | (pl.col("DEC") >= start)))
        .select("CHILD")
        .unique()
    )
    uasc = submission.tables["UASC"].lazy()
    care_leavers = (
        submission.tables["OC3"]
        .lazy()
        .filter(given("IN_TOUCH") | given("ACTIV") | given("ACCOM"))
        .join(looked_after, on="CHILD", how="anti", maintain_order="left")
        .join(uasc.select("CHILD").unique(), on="CHILD", how="semi", maintain_order="left")
    )
    return pl.concat(
        [
            flagged(
                uasc.join(
                    care_leavers.select("CHILD").unique(),
                    on="CHILD",
                    how="semi",
                    maintain_order="left",
                ),
                "UASC",
            ),
            flagged(care_leavers, "OC3"),
        ]
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("ACTIV", "ACCOM", "IN_TOUCH", "DUC"),
    tables=("Episodes", "UASC", "OC3"),
    type="error",
    check=check,
)
