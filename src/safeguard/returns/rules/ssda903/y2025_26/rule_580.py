"""SSDA903 rule 580 (error): Child is missing when cease being looked after but reason episode ceased not ‘E8’.

Flags an episode that ceased on the child's 18th birthday (by the Missing row's DOB) on the day a
missing or away period of the child's ended, when its reason ceased is not E8: a child missing
when they stop being looked after leaves care for another reason (E8).
"""

# ruff: noqa: RUF001, RUF002  (the DfE message uses a typographic apostrophe, kept exactly)
from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import birthday

CODE = "580"
MESSAGE = "Child is missing when cease being looked after but reason episode ceased not ‘E8’."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes ending at 18 while the child was missing, with REC not E8."""
    missing_at_18 = (
        submission.tables["Missing"]
        .lazy()
        .filter(pl.col("MIS_END") == birthday("DOB", 18))
        .select("CHILD", pl.col("MIS_END").alias("DEC"))
        .unique()
    )
    episodes = submission.tables["Episodes"].lazy().filter(pl.col("REC").ne_missing(pl.lit("E8")))
    return flagged(
        episodes.join(missing_at_18, on=["CHILD", "DEC"], how="semi", maintain_order="left"),
        "Episodes",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("REC",),
    tables=("Episodes", "Missing"),
    type="error",
    check=check,
)
