"""SSDA903 rule SW13STG1 (error): The reason for social worker change is not valid.

Flags SWEpisodes rows whose SW_REASON is not in the collection year's SW_REASON code list
(safeguard.core.codes). A blank value passes (other rules cover missing values).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import not_in_list, rows

CODE = "SW13STG1"
MESSAGE = "The reason for social worker change is not valid."


def check(submission: Submission) -> pl.DataFrame:
    """SWEpisodes rows with SW_REASON given and not a valid code for the year."""
    return rows(
        submission,
        "SWEpisodes",
        not_in_list("SW_REASON", "SW_REASON", submission.year, blank_ok=True),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SW_REASON",),
    tables=("SWEpisodes",),
    type="error",
    check=check,
)
