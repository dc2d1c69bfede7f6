"""SSDA903 rule 1010 (error): This child has no episodes loaded for current year even though there was an open episode of care at the end of the previous year, and care leaver data has been entered.

Flags OC3 rows with care leaver information (IN_TOUCH, ACTIV or ACCOM given) for a child with no
episode this year whose latest episode last year (by DECOM) was still open (no DEC written).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import given

CODE = "1010"
MESSAGE = "This child has no episodes loaded for current year even though there was an open episode of care at the end of the previous year, and care leaver data has been entered."


def check(submission: Submission) -> pl.DataFrame:
    """Care leaver rows of children still in care at the end of last year but absent this year."""
    open_last_year = (
        submission.tables["Episodes_last"]
        .lazy()
        .filter(pl.col("DECOM").is_not_null())
        .sort("CHILD", "DECOM", "ROW")
        .group_by("CHILD", maintain_order=True)
        .last()
        .filter(pl.col("DEC__text").is_null())
        .select("CHILD")
    )
    this_year = submission.tables["Episodes"].lazy().select("CHILD").unique()
    care_leavers = (
        submission.tables["OC3"].lazy().filter(given("IN_TOUCH") | given("ACTIV") | given("ACCOM"))
    )
    return flagged(
        care_leavers.join(this_year, on="CHILD", how="anti", maintain_order="left").join(
            open_last_year, on="CHILD", how="semi", maintain_order="left"
        ),
        "OC3",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("IN_TOUCH", "ACTIV", "ACCOM"),
    tables=("Episodes", "Episodes_last", "OC3"),
    type="error",
    check=check,
)
