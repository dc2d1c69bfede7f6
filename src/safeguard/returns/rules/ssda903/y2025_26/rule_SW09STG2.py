"""SSDA903 rule SW09STG2 (error): Social worker episode appears to have lasted for less than 24 hours.

Flags a social worker episode that ended on or before the day it began (both valid dates), so
lasted under 24 hours. The public validator flags under three days; this follows the DfE
message.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "SW09STG2"
MESSAGE = "Social worker episode appears to have lasted for less than 24 hours."


def check(submission: Submission) -> pl.DataFrame:
    """The SWEpisodes rows this rule flags."""
    return rows(
        submission,
        "SWEpisodes",
        pl.col("SW_DEC") <= pl.col("SW_DECOM"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SW_DECOM", "SW_DEC"),
    tables=("SWEpisodes",),
    type="error",
    check=check,
)
