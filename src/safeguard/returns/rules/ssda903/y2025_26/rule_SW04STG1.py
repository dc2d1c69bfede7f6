"""SSDA903 rule SW04STG1 (error): Date social worker episode began is not a valid date..

Flags SWEpisodes rows whose SW_DECOM is written but is not a real dd/mm/yyyy date. A blank value
passes.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import date_invalid, rows

CODE = "SW04STG1"
MESSAGE = "Date social worker episode began is not a valid date.."


def check(submission: Submission) -> pl.DataFrame:
    """SWEpisodes rows whose SW_DECOM is not a valid date."""
    return rows(submission, "SWEpisodes", date_invalid("SW_DECOM", blank_ok=True))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SW_DECOM",),
    tables=("SWEpisodes",),
    type="error",
    check=check,
)
