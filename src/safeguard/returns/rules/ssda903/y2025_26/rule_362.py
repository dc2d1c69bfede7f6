"""SSDA903 rule 362 (error): Emergency protection order (EPO) lasted longer than 21 days

Flags every episode of a run of an emergency protection order (L2) lasting more than 21 days:
the child's consecutive L2 episodes, each starting when the last ceased; an open episode counts
to 31 March at the end of the collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import status_run_too_long

CODE = "362"
MESSAGE = "Emergency protection order (EPO) lasted longer than 21 days"


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return status_run_too_long(submission, "L2", 21)


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DECOM", "LS", "DEC"),
    tables=("Episodes",),
    type="error",
    check=check,
)
