"""SSDA903 rule 1005 (error): The end date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.

Flags Missing rows whose MIS_END is written but is not a real dd/mm/yyyy date. A blank value
passes.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import date_invalid, rows

CODE = "1005"
MESSAGE = "The end date of the missing episode or episode that the child was away from placement without authorisation is not a valid date."


def check(submission: Submission) -> pl.DataFrame:
    """Missing rows whose MIS_END is not a valid date."""
    return rows(submission, "Missing", date_invalid("MIS_END", blank_ok=True))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("MIS_END",),
    tables=("Missing",),
    type="error",
    check=check,
)
