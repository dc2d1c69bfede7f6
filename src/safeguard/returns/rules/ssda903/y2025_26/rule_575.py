"""SSDA903 rule 575 (error): If the placement from which the child goes missing/away from placement without authorisation ends, the missing/away from placement without authorisation period in the missing module must also have an end date.

Flags Missing rows with no end date (MIS_END blank) whose start falls within an episode of the
child's that has ceased (DECOM on or before MIS_START, DEC on or after it).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "575"
MESSAGE = "If the placement from which the child goes missing/away from placement without authorisation ends, the missing/away from placement without authorisation period in the missing module must also have an end date."


def check(submission: Submission) -> pl.DataFrame:
    """Open missing periods starting in a placement that has ended."""
    ended = (
        submission.tables["Episodes"]
        .lazy()
        .filter(pl.col("DEC").is_not_null())
        .select("CHILD", "DECOM", "DEC")
    )
    open_periods = submission.tables["Missing"].lazy().filter(pl.col("MIS_END__text").is_null())
    inside = open_periods.join(ended, on="CHILD", how="inner").filter(
        (pl.col("MIS_START") >= pl.col("DECOM")) & (pl.col("MIS_START") <= pl.col("DEC"))
    )
    return flagged(inside.unique("ROW", maintain_order=True), "Missing")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("MIS_END",),
    tables=("Episodes", "Missing"),
    type="error",
    check=check,
)
