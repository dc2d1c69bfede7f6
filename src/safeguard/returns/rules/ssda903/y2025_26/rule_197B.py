"""SSDA903 rule 197B (error): SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.

Flags an OC2 row with neither an SDQ score nor a reason for no score for a child looked after
continuously for 12 months at 31 March (see
safeguard.returns.ssda903.expressions.continuously_looked_after) whose 4th or 17th birthday, by
OC2's date of birth, falls in the collection year. A 17th birthday on 1 April itself is left
out: that child is 17 at the start of the year, when rule 189 forbids both score and reason (the
public validator counts it, so the two rules fire together on that child).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_end, year_start
from safeguard.returns.ssda903.expressions import birthday, blank, continuously_looked_after

CODE = "197B"
MESSAGE = "SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds."


def check(submission: Submission) -> pl.DataFrame:
    """OC2 rows without SDQ score or reason for children turning 4 or 17 this year."""
    start, end = year_start(submission.year), year_end(submission.year)
    turns = birthday("DOB", 4).is_between(start, end) | birthday("DOB", 17).is_between(
        start, end, closed="right"
    )
    oc2 = (
        submission.tables["OC2"]
        .lazy()
        .join(continuously_looked_after(submission), on="CHILD", how="semi", maintain_order="left")
    )
    return flagged(oc2.filter(turns & blank("SDQ_SCORE") & blank("SDQ_REASON")), "OC2")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SDQ_REASON", "DOB"),
    tables=("OC2", "Episodes"),
    type="error",
    check=check,
)
