"""SSDA903 rule 363 (error): Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.

Flags every episode of a run of a child assessment order (L3) lasting more than 7 days: the
child's consecutive L3 episodes, each starting when the last ceased; an open episode counts to
31 March at the end of the collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import status_run_too_long

CODE = "363"
MESSAGE = "Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return status_run_too_long(submission, "L3", 7)


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DECOM", "LS", "DEC"),
    tables=("Episodes",),
    type="error",
    check=check,
)
