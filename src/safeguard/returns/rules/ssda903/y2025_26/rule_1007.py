"""SSDA903 rule 1007 (error): Care leaver information is not required for 17- or 18-year olds who are still looked after [on their 17th or 18th birthday.]

Flags OC3 rows with IN_TOUCH, ACTIV or ACCOM given for a young person aged 17 or 18 at 31 March
at the end of the collection year who was looked after on their birthday in the year (an
episode started on or before it and ceased after it, or is open).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_end
from safeguard.returns.ssda903.expressions import birthday, given

CODE = "1007"
MESSAGE = "Care leaver information is not required for 17- or 18-year olds who are still looked after [on their 17th or 18th birthday.]"


def check(submission: Submission) -> pl.DataFrame:
    """OC3 rows of 17- and 18-year-olds looked after on their birthday this year."""
    end = year_end(submission.year)
    oc3 = (
        submission.tables["OC3"].lazy().filter(given("IN_TOUCH") | given("ACTIV") | given("ACCOM"))
    )
    aged_17_or_18 = (birthday("DOB", 17) <= end) & (birthday("DOB", 19) > end)
    # The birthday falling in the collection year: the 18th if reached by 31 March, else the 17th.
    in_year = (
        pl.when(birthday("DOB", 18) <= end).then(birthday("DOB", 18)).otherwise(birthday("DOB", 17))
    )
    cohort = oc3.filter(aged_17_or_18).with_columns(in_year.alias("BIRTHDAY"))
    episodes = submission.tables["Episodes"].lazy().select("CHILD", "DECOM", "DEC")
    in_care = (
        cohort.select("CHILD", "ROW", "BIRTHDAY")
        .join(episodes, on="CHILD", how="inner")
        .filter(
            (pl.col("DECOM") <= pl.col("BIRTHDAY"))
            & (pl.col("DEC").is_null() | (pl.col("DEC") > pl.col("BIRTHDAY")))
        )
        .select("ROW")
        .unique()
    )
    return flagged(cohort.join(in_care, on="ROW", how="semi", maintain_order="left"), "OC3")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("IN_TOUCH", "ACTIV", "ACCOM"),
    tables=("Episodes", "OC3"),
    type="error",
    check=check,
)
