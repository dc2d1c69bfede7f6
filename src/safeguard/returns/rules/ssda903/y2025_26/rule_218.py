"""SSDA903 rule 218 (error): Ofsted Unique reference number (URN) is required.

Flags an episode open at some time in the collection year (no date ceased, or ceased on or after
1 April) without an Ofsted URN whose placement needs one (anything but P1, P3, R1, R2, R5,
T0-T4, Z11-Z14), unless the optional PL_LA column places it outside England (CON, NIR, SCO, WAL,
NUK).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, year_start
from safeguard.returns.ssda903.expressions import rows

CODE = "218"
MESSAGE = "Ofsted Unique reference number (URN) is required."


NO_URN = ("P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14")
OUTSIDE_ENGLAND = ("CON", "NIR", "SCO", "WAL", "NUK")


def check(submission: Submission) -> pl.DataFrame:
    """Episodes needing a URN, open at some time in the year, without one."""
    episodes = submission.tables["Episodes"]
    in_england = (
        ~pl.col("PL_LA").is_in(OUTSIDE_ENGLAND).fill_null(value=False)
        if "PL_LA" in episodes.columns
        else pl.lit(value=True)
    )
    return rows(
        submission,
        "Episodes",
        pl.col("URN").is_null()
        & ~pl.col("PLACE").is_in(NO_URN).fill_null(value=False)
        & (pl.col("DEC__text").is_null() | (pl.col("DEC") >= pl.lit(year_start(submission.year))))
        & in_england,
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("URN",),
    tables=("Episodes",),
    type="error",
    check=check,
)
