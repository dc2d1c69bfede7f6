"""SSDA903 rule SW07STG2 (error): Social worker episode end date should be on or after the start of the social worker reporting period, and should be on or before the collection end date.

Flags social worker episodes whose end date (SW_DEC) is before 1 April or after 31 March of the
collection year (the social worker reporting period). A blank end date passes.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, year_end, year_start
from safeguard.returns.ssda903.expressions import rows

CODE = "SW07STG2"
MESSAGE = "Social worker episode end date should be on or after the start of the social worker reporting period, and should be on or before the collection end date."


def check(submission: Submission) -> pl.DataFrame:
    """SWEpisodes rows ending outside the reporting year."""
    start, end = year_start(submission.year), year_end(submission.year)
    return rows(submission, "SWEpisodes", (pl.col("SW_DEC") < start) | (pl.col("SW_DEC") > end))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SW_DEC",),
    tables=("SWEpisodes",),
    type="error",
    check=check,
)
