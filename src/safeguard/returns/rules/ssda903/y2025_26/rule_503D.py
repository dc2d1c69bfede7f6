"""SSDA903 rule 503D (error): The placement type in the first episode does not match open episode at end of last year

Flags a child's first episode this year (earliest DECOM) whose placement type (PLACE) differs
from that of the child's latest episode in last year's return (latest DECOM) when that episode
was still open (no date ceased); a blank on one side only counts as different. A Z1 placement
last year continuing as Z11-Z14 (the codes that replaced Z1 in 2025/26) agrees.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import differs_from_open_episode_last_year

CODE = "503D"
MESSAGE = "The placement type in the first episode does not match open episode at end of last year"


def check(submission: Submission) -> pl.DataFrame:
    """Each child's first episode this year whose PLACE differs from last year's open episode."""
    differs = pl.col("PLACE").ne_missing(pl.col("LAST"))
    # 2025/26 replaced Z1 with Z11-Z14: an open Z1 placement continuing as one of them agrees.
    recoded = (pl.col("LAST") == "Z1") & pl.col("PLACE").is_in(["Z11", "Z12", "Z13", "Z14"])
    differs = differs & ~recoded
    return flagged(
        differs_from_open_episode_last_year(submission, "PLACE").filter(differs), "Episodes"
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PLACE",),
    tables=("Episodes", "Episodes_last"),
    type="error",
    check=check,
)
