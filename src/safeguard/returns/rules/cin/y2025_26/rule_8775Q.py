"""CIN census rule 8775Q (query): Please check and either amend data or provide a reason: Child is over 25 years old

Flags ChildIdentifiers rows of a child over 25 at the reference date with a CIN episode still open
or closed after their 25th birthday.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from safeguard.returns.cin.reader import CHILD_ID
from safeguard.returns.engine import Rule, Submission, flagged, year_end

CODE = "8775Q"
MESSAGE = "Please check and either amend data or provide a reason: Child is over 25 years old"


def check(submission: Submission) -> pl.DataFrame:
    """ChildIdentifiers rows of a child over 25 at the reference date with a CIN episode still open
    or closed after their 25th birthday."""
    census_end = year_end(submission.year)
    identifiers = submission.tables["ChildIdentifiers"].lazy()
    adult = pl.col("PersonBirthDate").dt.offset_by("25y")
    late = (
        identifiers.select(CHILD_ID, "PersonBirthDate")
        .join(submission.tables["CINdetails"].lazy(), on=CHILD_ID, how="inner")
        .filter(pl.col("CINclosureDate").is_null() | (pl.col("CINclosureDate") > adult))
        .select(CHILD_ID)
    )
    return flagged(
        identifiers.filter(
            pl.col("PersonBirthDate") < date(census_end.year - 25, census_end.month, census_end.day)
        ).join(late, on=CHILD_ID, how="semi"),
        "ChildIdentifiers",
        child=CHILD_ID,
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PersonBirthDate", "CINclosureDate"),
    tables=("ChildIdentifiers", "CINdetails"),
    type="query",
    check=check,
)
