"""SSDA903 rule 147 (error): Date episode ceased is not a valid date.

Flags Episodes rows whose DEC is written but is not a real dd/mm/yyyy date. A blank value
passes.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import date_invalid, rows

CODE = "147"
MESSAGE = "Date episode ceased is not a valid date."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes rows whose DEC is not a valid date."""
    return rows(submission, "Episodes", date_invalid("DEC", blank_ok=True))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DEC",),
    tables=("Episodes",),
    type="error",
    check=check,
)
