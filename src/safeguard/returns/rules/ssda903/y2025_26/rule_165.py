"""SSDA903 rule 165 (error): Data entry for mother status is invalid.

Flags Header rows whose MOTHER is given but not 0 or 1, is given for a male child, or is blank for
a female child unless she has no episode in the year (short breaks aside) and has care leaver
information (IN_TOUCH, ACTIV or ACCOM in OC3): the DfE's "if not provided, then either the child is
male or has no episode this year and care leaver information was provided".
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import SHORT_BREAK_LEGAL_STATUSES
from safeguard.returns.engine import Rule, Submission, flagged, year_end, year_start
from safeguard.returns.ssda903.expressions import given

CODE = "165"
MESSAGE = "Data entry for mother status is invalid."


def check(submission: Submission) -> pl.DataFrame:
    """Header rows with a missing or invalid mother status."""
    start, end = year_start(submission.year), year_end(submission.year)
    in_year = (
        submission.tables["Episodes"]
        .lazy()
        .filter(
            ~pl.col("LS").is_in(list(SHORT_BREAK_LEGAL_STATUSES)).fill_null(value=False)
            & (pl.col("DECOM") <= end)
            & (pl.col("DEC").is_null() | (pl.col("DEC") >= start))
        )
        .select("CHILD", pl.lit(value=True).alias("IN_YEAR"))
        .unique("CHILD")
    )
    oc3 = submission.tables.get("OC3")
    leavers = (
        (
            oc3.lazy().filter(given("IN_TOUCH") | given("ACTIV") | given("ACCOM")).select("CHILD")
            if oc3 is not None
            else pl.LazyFrame(schema={"CHILD": pl.String})
        )
        .select("CHILD", pl.lit(value=True).alias("LEAVER"))
        .unique("CHILD")
    )
    mother = pl.col("MOTHER")
    female = pl.col("SEX") == "F"
    only_care_leaver = pl.col("IN_YEAR").is_null() & pl.col("LEAVER").fill_null(value=False)
    header = (
        submission.tables["Header"]
        .lazy()
        .join(in_year, on="CHILD", how="left", maintain_order="left")
        .join(leavers, on="CHILD", how="left", maintain_order="left")
        .filter(
            (mother.is_not_null() & ~mother.is_in(["0", "1"]))
            | (mother.is_not_null() & (pl.col("SEX") == "M"))
            | (mother.is_null() & female & ~only_care_leaver)
        )
    )
    return flagged(header, "Header")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("MOTHER", "SEX"),
    tables=("Header", "Episodes"),
    type="error",
    check=check,
)
