"""SSDA903 rule 545 (error): Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet health promotion information has not been completed.

Flags an OC2 row with health promotion information blank for a child under 5 on 31 March (DOB on
the row) looked after continuously for 12 months. Looked after continuously for 12 months means
the DfE's definition (see safeguard.returns.ssda903.expressions.continuously_looked_after).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_end
from safeguard.returns.ssda903.expressions import continuously_looked_after

CODE = "545"
MESSAGE = "Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet health promotion information has not been completed."


def check(submission: Submission) -> pl.DataFrame:
    """OC2 rows this rule flags, by whether the child was looked after for 12 months."""
    oc2 = (
        submission.tables["OC2"]
        .lazy()
        .join(continuously_looked_after(submission), on="CHILD", how="semi")
    )
    return flagged(
        oc2.filter(
            pl.col("HEALTH_CHECK").is_null()
            & (pl.col("DOB").dt.offset_by("5y") > pl.lit(year_end(submission.year)))
        ),
        "OC2",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOB", "HEALTH_CHECK"),
    tables=("Episodes", "OC2"),
    type="error",
    check=check,
)
