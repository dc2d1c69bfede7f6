"""SSDA903 rule 562 (error): Episode commenced before the start of the current collection year but there is a missing continuous episode in the previous year.

Flags a child's first episode this year (earliest valid DECOM) when it started before 1 April of
the collection year but is not the latest episode (by DECOM) of the child in last year's return:
the episode open at the end of last year is missing or has a different start date.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_start
from safeguard.returns.ssda903.expressions import first_episodes

CODE = "562"
MESSAGE = "Episode commenced before the start of the current collection year but there is a missing continuous episode in the previous year."


def check(submission: Submission) -> pl.DataFrame:
    """First episodes begun before the year with no matching latest episode last year."""
    latest_last_year = (
        submission.tables["Episodes_last"]
        .lazy()
        .filter(pl.col("DECOM").is_not_null())
        .group_by("CHILD")
        .agg(pl.col("DECOM").max())
    )
    began_before = first_episodes(submission).filter(pl.col("DECOM") < year_start(submission.year))
    return flagged(
        began_before.join(
            latest_last_year, on=["CHILD", "DECOM"], how="anti", maintain_order="left"
        ),
        "Episodes",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DECOM",),
    tables=("Episodes", "Episodes_last"),
    type="error",
    check=check,
)
