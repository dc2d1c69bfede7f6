"""SSDA903 rule 577 (error): Child ceased to be looked after but there is a missing/away from placement without authorisation period without an end date.

Flags a missing or away period with no end date for a child whose latest episode (by DECOM)
ended their care (a date ceased and a reason other than X1).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "577"
MESSAGE = "Child ceased to be looked after but there is a missing/away from placement without authorisation period without an end date."


def check(submission: Submission) -> pl.DataFrame:
    """Open missing periods of children whose latest episode ended their care."""
    episodes = submission.tables["Episodes"].lazy()
    left_care = (
        episodes.filter(pl.col("DECOM").is_not_null())
        .group_by("CHILD", maintain_order=True)
        .last()
        .filter(pl.col("DEC").is_not_null() & pl.col("REC").is_not_null() & (pl.col("REC") != "X1"))
        .select("CHILD")
    )
    missing = (
        submission.tables["Missing"]
        .lazy()
        .filter(pl.col("MIS_START").is_not_null() & pl.col("MIS_END__text").is_null())
    )
    return flagged(missing.join(left_care, on="CHILD", how="semi"), "Missing")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("MIS_END",),
    tables=("Episodes", "Missing"),
    type="error",
    check=check,
)
