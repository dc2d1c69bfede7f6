"""SSDA903 rule 134 (error): Data on adoption should not be entered for the OC3 cohort.

Flags an AD1 row with any adoption item for a child whose OC3 row has any care leaver item.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "134"
MESSAGE = "Data on adoption should not be entered for the OC3 cohort."


ADOPTION = (
    "DATE_INT__text",
    "DATE_MATCH__text",
    "FOSTER_CARE",
    "NB_ADOPTR",
    "SEX_ADOPTR",
    "LS_ADOPTR",
)
CARE_LEAVER = ("IN_TOUCH", "ACTIV", "ACCOM")


def check(submission: Submission) -> pl.DataFrame:
    """AD1 rows with adoption data for children with care leaver data."""
    care_leavers = (
        submission.tables["OC3"]
        .lazy()
        .filter(pl.any_horizontal(pl.col(c).is_not_null() for c in CARE_LEAVER))
        .select("CHILD")
        .unique()
    )
    ad1 = (
        submission.tables["AD1"]
        .lazy()
        .filter(pl.any_horizontal(pl.col(c).is_not_null() for c in ADOPTION))
    )
    return flagged(ad1.join(care_leavers, on="CHILD", how="semi"), "AD1")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=(
        "IN_TOUCH",
        "ACTIV",
        "ACCOM",
        "DATE_INT",
        "DATE_MATCH",
        "FOSTER_CARE",
        "NB_ADOPTR",
        "SEX_ADOPTR",
        "LS_ADOPTR",
    ),
    tables=("OC3", "AD1"),
    type="error",
    check=check,
)
