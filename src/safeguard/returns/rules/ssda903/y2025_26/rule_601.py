"""SSDA903 rule 601 (error): The additional fields relating to adoption have not been completed although the episode data shows that the child was adopted during the year.

Flags, for a child adopted this year (an episode ceasing E11 or E12 between 1 April and 31
March), the adoption episode and the child's AD1 row when any AD1 item is blank. A child with no
AD1 row is not flagged here.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_end, year_start

CODE = "601"
MESSAGE = "The additional fields relating to adoption have not been completed although the episode data shows that the child was adopted during the year."


ITEMS = (
    "DATE_INT__text",
    "DATE_MATCH__text",
    "FOSTER_CARE",
    "NB_ADOPTR",
    "SEX_ADOPTR",
    "LS_ADOPTR",
)


def check(submission: Submission) -> pl.DataFrame:
    """Adoption episodes this year, and their AD1 rows, where an AD1 item is blank."""
    start, end = year_start(submission.year), year_end(submission.year)
    adopted = (
        submission.tables["Episodes"]
        .lazy()
        .filter(pl.col("REC").is_in(["E11", "E12"]) & pl.col("DEC").is_between(start, end))
    )
    incomplete = (
        submission.tables["AD1"]
        .lazy()
        .filter(pl.any_horizontal(pl.col(c).is_null() for c in ITEMS))
    )
    episodes = adopted.join(incomplete.select("CHILD").unique(), on="CHILD", how="semi")
    ad1 = incomplete.join(adopted.select("CHILD").unique(), on="CHILD", how="semi")
    return pl.concat([flagged(ad1, "AD1"), flagged(episodes, "Episodes")])


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("REC", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"),
    tables=("Episodes", "AD1"),
    type="error",
    check=check,
)
