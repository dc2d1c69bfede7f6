"""SSDA903 rule 104 (error): Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date.

Flags UASC rows whose DUC is written but is not a real dd/mm/yyyy date. A blank value passes.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import date_invalid, rows

CODE = "104"
MESSAGE = "Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date."


def check(submission: Submission) -> pl.DataFrame:
    """UASC rows whose DUC is not a valid date."""
    return rows(submission, "UASC", date_invalid("DUC", blank_ok=True))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DUC",),
    tables=("UASC",),
    type="error",
    check=check,
)
