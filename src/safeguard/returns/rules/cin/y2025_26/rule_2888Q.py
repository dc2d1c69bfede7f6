"""CIN census rule 2888Q (query): Please check and either amend or provide a reason: Only one disability code is recorded per child and multiple disabilities should be recorded where possible.

A rule about the return as a whole (LA level): flags the Header row when children have
disabilities recorded (codes other than NONE) and none of them has more than one.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import whole_return
from safeguard.returns.cin.reader import CHILD_ID
from safeguard.returns.engine import Rule, Submission

CODE = "2888Q"
MESSAGE = "Please check and either amend or provide a reason: Only one disability code is recorded per child and multiple disabilities should be recorded where possible."


def check(submission: Submission) -> pl.DataFrame:
    """The Header row if every child with a disability has exactly one recorded."""
    per_child = (
        submission.tables["Disabilities"]
        .filter(pl.col("Disability").is_not_null() & (pl.col("Disability") != "NONE"))
        .group_by(CHILD_ID)
        .agg(pl.col("Disability").n_unique().alias("n"))
    )
    raised = per_child.height > 0 and per_child.filter(pl.col("n") > 1).is_empty()
    return whole_return(submission, raised=raised)


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("Disability",),
    tables=("Disabilities", "Header"),
    type="query",
    check=check,
)
