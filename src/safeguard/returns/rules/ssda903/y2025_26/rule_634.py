"""SSDA903 rule 634 (error): There are entries for previous permanence options, but child has not started to be looked after from 1 April 2016 onwards.

Flags PrevPerm rows giving any previous permanence detail (PREV_PERM, LA_PERM or DATE_PERM) for
a child none of whose episodes starts on or after 1 April 2016, and that child's episodes.
Children with no episodes in the return are not flagged.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import given

CODE = "634"
MESSAGE = "There are entries for previous permanence options, but child has not started to be looked after from 1 April 2016 onwards."


# Previous permanence is collected for children starting care from this date.
SINCE = date(2016, 4, 1)


def check(submission: Submission) -> pl.DataFrame:
    """PrevPerm rows and episodes of children who have not started care since 1 April 2016."""
    episodes = submission.tables["Episodes"].lazy()
    started_before = (
        episodes.group_by("CHILD")
        .agg(pl.col("DECOM").max().alias("LATEST"))
        .filter(pl.col("LATEST") < SINCE)
        .select("CHILD")
    )
    details = given("PREV_PERM") | given("LA_PERM") | given("DATE_PERM__text")
    prevperm = (
        submission.tables["PrevPerm"]
        .lazy()
        .filter(details)
        .join(started_before, on="CHILD", how="semi", maintain_order="left")
    )
    children = prevperm.select("CHILD").unique()
    return pl.concat(
        [
            flagged(prevperm, "PrevPerm"),
            flagged(
                episodes.join(children, on="CHILD", how="semi", maintain_order="left"), "Episodes"
            ),
        ]
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("LA_PERM", "PREV_PERM", "DATE_PERM", "DECOM"),
    tables=("Episodes", "PrevPerm"),
    type="error",
    check=check,
)
