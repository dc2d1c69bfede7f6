"""SSDA903 rule 347 (error): Care leavers aged under 18 years, can not be accommodated in a Foyer.

Flags an OC3 row whose accommodation is a Foyer (ACCOM T1 or T2) for a young person under 18
on 1 April at the start of the collection year (18th birthday after that day, by OC3's date of
birth). The public validator tests ACCOM "T", which no ACCOM code is (the codes are T1 and T2),
and counts years as 365.25 days; this follows the message with the published codes and exact
birthdays.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import ACCOM_FOYER
from safeguard.returns.engine import Rule, Submission, year_start
from safeguard.returns.ssda903.expressions import birthday, rows

CODE = "347"
MESSAGE = "Care leavers aged under 18 years, can not be accommodated in a Foyer."


def check(submission: Submission) -> pl.DataFrame:
    """OC3 rows of under-18s accommodated in a Foyer."""
    under_18 = birthday("DOB", 18) > year_start(submission.year)
    return rows(submission, "OC3", pl.col("ACCOM").is_in(list(ACCOM_FOYER)) & under_18)


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PLACE", "DEC", "URN"),
    tables=("OC3",),
    type="error",
    check=check,
)
