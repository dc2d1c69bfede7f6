"""SSDA903 rule 543 (error): Child is aged 10 or over at 31 March and has been looked after continuously for 12 months yet conviction information has not been completed.

Flags an OC2 row with conviction information blank for a child aged 10 or over on 31 March (DOB
on the row) looked after continuously for 12 months. Looked after continuously for 12 months
means the DfE's definition (see
safeguard.returns.ssda903.expressions.continuously_looked_after).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_end
from safeguard.returns.ssda903.expressions import continuously_looked_after

CODE = "543"
MESSAGE = "Child is aged 10 or over at 31 March and has been looked after continuously for 12 months yet conviction information has not been completed."


def check(submission: Submission) -> pl.DataFrame:
    """OC2 rows this rule flags, by whether the child was looked after for 12 months."""
    oc2 = (
        submission.tables["OC2"]
        .lazy()
        .join(continuously_looked_after(submission), on="CHILD", how="semi")
    )
    return flagged(
        oc2.filter(
            pl.col("CONVICTED").is_null()
            & (pl.col("DOB").dt.offset_by("10y") <= pl.lit(year_end(submission.year)))
        ),
        "OC2",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOB", "CONVICTED"),
    tables=("Episodes", "OC2"),
    type="error",
    check=check,
)
