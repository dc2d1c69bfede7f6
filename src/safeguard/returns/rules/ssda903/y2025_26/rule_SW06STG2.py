"""SSDA903 rule SW06STG2 (error): Social worker episode data should be within the social worker data reporting year.

Flags social worker episodes starting (SW_DECOM) after 31 March at the end of the collection
year, the end of the social worker reporting year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, year_end
from safeguard.returns.ssda903.expressions import rows

CODE = "SW06STG2"
MESSAGE = "Social worker episode data should be within the social worker data reporting year."


def check(submission: Submission) -> pl.DataFrame:
    """SWEpisodes rows starting after the reporting year."""
    return rows(submission, "SWEpisodes", pl.col("SW_DECOM") > year_end(submission.year))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SW_DECOM",),
    tables=("SWEpisodes",),
    type="error",
    check=check,
)
