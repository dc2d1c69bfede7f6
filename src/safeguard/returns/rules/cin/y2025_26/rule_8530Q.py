"""CIN census rule 8530Q (query): Please check and either amend data or provide a reason: Expected Date of Birth is outside the expected range for this census (March to December of the Census Year end)

Flags ChildIdentifiers rows whose ExpectedPersonBirthDate is outside 1 March to 31 December of the
year the census ends in.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission, year_end

CODE = "8530Q"
MESSAGE = "Please check and either amend data or provide a reason: Expected Date of Birth is outside the expected range for this census (March to December of the Census Year end)"


def check(submission: Submission) -> pl.DataFrame:
    """ChildIdentifiers rows whose ExpectedPersonBirthDate is outside 1 March to 31 December of the
    year the census ends in."""
    census_end = year_end(submission.year)
    return rows(
        submission,
        "ChildIdentifiers",
        pl.col("ExpectedPersonBirthDate").is_not_null()
        & ~pl.col("ExpectedPersonBirthDate").is_between(
            date(census_end.year, 3, 1), date(census_end.year, 12, 31)
        ),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("ExpectedPersonBirthDate",),
    tables=("ChildIdentifiers",),
    type="query",
    check=check,
)
