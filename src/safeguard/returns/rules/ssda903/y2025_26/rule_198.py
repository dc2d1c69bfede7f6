"""SSDA903 rule 198 (error): Child has not been looked after continuously for at least 12 months at 31 March but a reason for no Strengths and Difficulties (SDQ) score has been completed.

Flags an OC2 row with a reason for no SDQ score for a child not looked after continuously for 12
months at 31 March. Looked after continuously for 12 months means the DfE's definition (see
safeguard.returns.ssda903.expressions.continuously_looked_after).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import continuously_looked_after

CODE = "198"
MESSAGE = "Child has not been looked after continuously for at least 12 months at 31 March but a reason for no Strengths and Difficulties (SDQ) score has been completed."


def check(submission: Submission) -> pl.DataFrame:
    """OC2 rows this rule flags, by whether the child was looked after for 12 months."""
    oc2 = (
        submission.tables["OC2"]
        .lazy()
        .join(continuously_looked_after(submission), on="CHILD", how="anti")
    )
    return flagged(oc2.filter(pl.col("SDQ_REASON").is_not_null()), "OC2")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SDQ_REASON",),
    tables=("Episodes", "OC2"),
    type="error",
    check=check,
)
