"""SSDA903 rule 625 (error): Date of birth of the first child is beyond the end of this reporting year or the date the child ceased to be looked after.

Flags a Header row whose mother's child's date of birth is after 31 March at the end of the
collection year or after the date the mother's latest episode ceased, and that latest episode in
the second case.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import ROW, Rule, Submission, flagged, year_end

CODE = "625"
MESSAGE = "Date of birth of the first child is beyond the end of this reporting year or the date the child ceased to be looked after."


def check(submission: Submission) -> pl.DataFrame:
    """Mothers whose first child's birth is after the year or after their latest episode ceased."""
    mothers = submission.tables["Header"].lazy().filter(pl.col("MC_DOB").is_not_null())
    latest_ceased = (
        submission.tables["Episodes"]
        .lazy()
        .join(mothers.select("CHILD"), on="CHILD", how="semi")
        .filter(pl.col("DEC").is_not_null())
        .sort("DEC", "ROW")
        .group_by("CHILD")
        .last()
        .select("CHILD", pl.col("ROW").alias("EP_ROW"), "DEC")
    )
    header = mothers.join(latest_ceased, on="CHILD", how="left")
    after_year = pl.col("MC_DOB") > pl.lit(year_end(submission.year))
    after_care = (pl.col("MC_DOB") > pl.col("DEC")).fill_null(value=False)
    return pl.concat(
        [
            flagged(header.filter(after_year | after_care), "Header"),
            flagged(
                header.filter(after_care).select("CHILD", pl.col("EP_ROW").alias(ROW)), "Episodes"
            ),
        ]
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("MC_DOB", "DEC"),
    tables=("Header", "Episodes"),
    type="error",
    check=check,
)
