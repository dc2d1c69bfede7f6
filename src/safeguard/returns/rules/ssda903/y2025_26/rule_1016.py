"""SSDA903 rule 1016 (error): Care leaver information is not required for 17- or 18-year olds who cease to be looked after, after their birthday.

Flags OC3 rows with care leaver information (IN_TOUCH, ACTIV or ACCOM) of young people aged 17 or
18 on 31 March (OC3 DOB) who ceased to be looked after on or after the birthday that fell in the
collection year (an episode's DEC on or after their 17th, or 18th, birthday).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_end, year_start
from safeguard.returns.ssda903.expressions import birthday, given

CODE = "1016"
MESSAGE = "Care leaver information is not required for 17- or 18-year olds who cease to be looked after, after their birthday."


def check(submission: Submission) -> pl.DataFrame:
    """OC3 rows of 17- and 18-year-olds who left care after this year's birthday."""
    start, end = year_start(submission.year), year_end(submission.year)
    ceased = (
        submission.tables["Episodes"]
        .lazy()
        .filter(pl.col("DEC").is_not_null())
        .group_by("CHILD")
        .agg(pl.col("DEC").max().alias("LAST_DEC"))
    )
    this_years = (
        pl.when(birthday("DOB", 17).is_between(start, end))
        .then(birthday("DOB", 17))
        .when(birthday("DOB", 18).is_between(start, end))
        .then(birthday("DOB", 18))
    )
    oc3 = (
        submission.tables["OC3"]
        .lazy()
        .filter(given("IN_TOUCH") | given("ACTIV") | given("ACCOM"))
        .join(ceased, on="CHILD", how="inner", maintain_order="left")
        .filter(pl.col("LAST_DEC") >= this_years)
    )
    return flagged(oc3, "OC3")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("IN_TOUCH", "ACTIV", "ACCOM"),
    tables=("Episodes", "OC3"),
    type="error",
    check=check,
)
