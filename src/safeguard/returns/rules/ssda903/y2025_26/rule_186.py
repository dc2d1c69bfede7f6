"""SSDA903 rule 186 (error): Children aged 4 or over at the start of the year and children aged under 17 at the end of the year and who have been looked after for at least 12 months continuously should have a Strengths and Difficulties (SDQ) score completed.

Flags an OC2 row with neither an SDQ score nor a reason for none for a child aged 4 or over on 1
April and under 17 on 31 March looked after continuously for 12 months. Looked after
continuously for 12 months means the DfE's definition (see
safeguard.returns.ssda903.expressions.continuously_looked_after).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_end, year_start
from safeguard.returns.ssda903.expressions import continuously_looked_after

CODE = "186"
MESSAGE = "Children aged 4 or over at the start of the year and children aged under 17 at the end of the year and who have been looked after for at least 12 months continuously should have a Strengths and Difficulties (SDQ) score completed."


def check(submission: Submission) -> pl.DataFrame:
    """OC2 rows this rule flags, by whether the child was looked after for 12 months."""
    oc2 = (
        submission.tables["OC2"]
        .lazy()
        .join(continuously_looked_after(submission), on="CHILD", how="semi")
    )
    return flagged(
        oc2.filter(
            pl.col("SDQ_SCORE").is_null()
            & pl.col("SDQ_REASON").is_null()
            & (pl.col("DOB").dt.offset_by("4y") <= pl.lit(year_start(submission.year)))
            & (pl.col("DOB").dt.offset_by("17y") > pl.lit(year_end(submission.year)))
        ),
        "OC2",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SDQ_SCORE",),
    tables=("Episodes", "OC2"),
    type="error",
    check=check,
)
