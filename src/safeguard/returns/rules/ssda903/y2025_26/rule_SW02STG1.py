"""SSDA903 rule SW02STG1 (error): Social worker ID does not begin with the characters ‘SW’ or ‘XX’.

Flags a social worker episode whose SW_ID (kept as written, not upper-cased) does not begin with
SW or XX, or is shorter than four characters. A blank SW_ID is left to SW01aSTG1.
"""

# ruff: noqa: RUF001, RUF002  (the DfE message uses a typographic apostrophe, kept exactly)
from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "SW02STG1"
MESSAGE = "Social worker ID does not begin with the characters ‘SW’ or ‘XX’."


def check(submission: Submission) -> pl.DataFrame:
    """The SWEpisodes rows this rule flags."""
    return rows(
        submission,
        "SWEpisodes",
        pl.col("SW_ID").is_not_null()
        & (
            ~pl.col("SW_ID").str.slice(0, 2).is_in(["SW", "XX"])
            | (pl.col("SW_ID").str.len_chars() < 4)
        ),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SW_ID",),
    tables=("SWEpisodes",),
    type="error",
    check=check,
)
