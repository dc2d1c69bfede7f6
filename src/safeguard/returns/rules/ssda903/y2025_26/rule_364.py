"""SSDA903 rule 364 (error): Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a child can be detained in custody in Local Authority (LA) accommodation.

Flags every episode of a run of detention under PACE (legal status J2) lasting more than 21
days: the child's consecutive J2 episodes, each starting when the last ceased; an open episode
counts to 31 March at the end of the collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import status_run_too_long

CODE = "364"
MESSAGE = "Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a child can be detained in custody in Local Authority (LA) accommodation."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return status_run_too_long(submission, "J2", 21)


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("LS", "DECOM", "DEC"),
    tables=("Episodes",),
    type="error",
    check=check,
)
