"""SSDA903 rule 232 (error): Sex of the child/young person has been reported as unknown.

Flags a Header row whose SEX is U (not known). An error, as every SSDA903 rule is unless the
DfE's own message calls it a warning (see safeguard/returns/rules/ssda903/__init__.py).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "232"
MESSAGE = "Sex of the child/young person has been reported as unknown."


def check(submission: Submission) -> pl.DataFrame:
    """The Header rows this rule flags."""
    return rows(
        submission,
        "Header",
        pl.col("SEX") == "U",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SEX",),
    tables=("Header",),
    type="error",
    check=check,
)
