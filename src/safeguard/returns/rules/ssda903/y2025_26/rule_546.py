"""SSDA903 rule 546 (error): Children aged 5 or over at 31 March should not have health promotion information completed.

Flags an OC2 row with health promotion information for a child aged 5 or over on 31 March (DOB
on the row) looked after continuously for 12 months (the public validator applies the rule to
that cohort). Looked after continuously for 12 months means the DfE's definition (see
safeguard.returns.ssda903.expressions.continuously_looked_after).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_end
from safeguard.returns.ssda903.expressions import continuously_looked_after

CODE = "546"
MESSAGE = (
    "Children aged 5 or over at 31 March should not have health promotion information completed."
)


def check(submission: Submission) -> pl.DataFrame:
    """OC2 rows this rule flags, by whether the child was looked after for 12 months."""
    oc2 = (
        submission.tables["OC2"]
        .lazy()
        .join(continuously_looked_after(submission), on="CHILD", how="semi")
    )
    return flagged(
        oc2.filter(
            pl.col("HEALTH_CHECK").is_not_null()
            & (pl.col("DOB").dt.offset_by("5y") <= pl.lit(year_end(submission.year)))
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
