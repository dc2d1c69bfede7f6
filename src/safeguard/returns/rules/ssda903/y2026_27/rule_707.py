"""SSDA903 rule 707 (error): Child ceased to be looked after but there is a DoLO without an end date.

Flags DoLo rows with a start date and no end date for a child who ceased to be looked after:
the child's latest episode this year (by DECOM) has a date ceased (DEC). A DoLO cannot outlast
the care it was made in.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "707"
MESSAGE = "Child ceased to be looked after but there is a DoLO without an end date."


def check(submission: Submission) -> pl.DataFrame:
    """Open DoLOs of children whose care ended this year."""
    ceased = (
        submission.tables["Episodes"]
        .lazy()
        .filter(pl.col("DECOM").is_not_null())
        .group_by("CHILD", maintain_order=True)
        .last()
        .filter(pl.col("DEC").is_not_null())
        .select("CHILD")
    )
    open_dolo = (
        submission.tables["DoLo"]
        .lazy()
        .filter(pl.col("DOLO_START").is_not_null() & pl.col("DOLO_END__text").is_null())
    )
    return flagged(open_dolo.join(ceased, on="CHILD", how="semi", maintain_order="left"), "DoLo")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOLO_END",),
    tables=("DoLo", "Episodes"),
    type="error",
    check=check,
)
