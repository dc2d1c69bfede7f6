"""SSDA903 rule 354 (error): Date episode ceased must be on or before the end of the current collection year.

Flags an episode starting after 31 March at the end of the collection year. The DfE names DECOM
as the field though its message speaks of the date ceased (rule 385 checks DEC).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, year_end
from safeguard.returns.ssda903.expressions import rows

CODE = "354"
MESSAGE = "Date episode ceased must be on or before the end of the current collection year."


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        pl.col("DECOM") > pl.lit(year_end(submission.year)),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DECOM",),
    tables=("Episodes",),
    type="error",
    check=check,
)
