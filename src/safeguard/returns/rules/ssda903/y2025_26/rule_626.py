"""SSDA903 rule 626 (error): Child was reported as a mother but the date of birth of the first child is before the current year which contradicts with the mother status recorded last year.

Flags Header rows with MOTHER 1 and a first child's date of birth (MC_DOB) before 1 April of the
collection year when last year's Header (Header_last) recorded the same child with MOTHER 0.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_start

CODE = "626"
MESSAGE = "Child was reported as a mother but the date of birth of the first child is before the current year which contradicts with the mother status recorded last year."


def check(submission: Submission) -> pl.DataFrame:
    """Header rows of mothers whose first child was born before the year but not a mother last year."""
    not_mother_last_year = (
        submission.tables["Header_last"]
        .lazy()
        .filter(pl.col("MOTHER") == "0")
        .select("CHILD")
        .unique()
    )
    mothers = (
        submission.tables["Header"]
        .lazy()
        .filter((pl.col("MOTHER") == "1") & (pl.col("MC_DOB") < year_start(submission.year)))
    )
    return flagged(
        mothers.join(not_mother_last_year, on="CHILD", how="semi", maintain_order="left"), "Header"
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("MOTHER", "MC_DOB"),
    tables=("Header", "Header_last"),
    type="error",
    check=check,
)
