"""SSDA903 rule 706 (error): There is an open DoLO in last year’s return and there is no corresponding DoLO recorded at the start of this year..

Flags each DoLO in last year's return (DoLo_last) that was open at the end of that year
(a start date and no end date) when this year's DoLo table has no DoLO for the same child with
the same start date. The issue points at last year's row: this year's row is what is missing.
"""

# ruff: noqa: RUF001, RUF002  (the DfE message uses a typographic apostrophe, kept exactly)
from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "706"
MESSAGE = "There is an open DoLO in last year’s return and there is no corresponding DoLO recorded at the start of this year.."


def check(submission: Submission) -> pl.DataFrame:
    """Last year's open DoLOs not carried into this year's DoLo table."""
    this_year = submission.tables["DoLo"].lazy().select("CHILD", "DOLO_START")
    open_last_year = (
        submission.tables["DoLo_last"]
        .lazy()
        .filter(pl.col("DOLO_START").is_not_null() & pl.col("DOLO_END__text").is_null())
    )
    return flagged(
        open_last_year.join(this_year, on=["CHILD", "DOLO_START"], how="anti", nulls_equal=False),
        "DoLo_last",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOLO_START",),
    tables=("DoLo", "DoLo_last"),
    type="error",
    check=check,
)
