"""SSDA903 rule 361 (error): Police protection legal status lasted longer than maximum 72 hours allowed in the Children Act 1989.

Flags every episode of a run of police protection (L1) lasting more than 72 hours (3 days): the
child's consecutive L1 episodes, each starting when the last ceased; an open episode counts to
31 March at the end of the collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import status_run_too_long

CODE = "361"
MESSAGE = "Police protection legal status lasted longer than maximum 72 hours allowed in the Children Act 1989."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return status_run_too_long(submission, "L1", 3)


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DECOM", "LS", "DEC"),
    tables=("Episodes",),
    type="error",
    check=check,
)
