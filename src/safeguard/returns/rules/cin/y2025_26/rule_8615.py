"""CIN census rule 8615 (error): Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child Protection Conference

Flags Section47 rows with no S47ActualStartDate or one after their DateOfInitialCPC.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8615"
MESSAGE = "Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child Protection Conference"


def check(submission: Submission) -> pl.DataFrame:
    """Section47 rows with no S47ActualStartDate or one after their DateOfInitialCPC."""
    return rows(
        submission,
        "Section47",
        pl.col("S47ActualStartDate").is_null()
        | (pl.col("S47ActualStartDate") > pl.col("DateOfInitialCPC")),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("S47ActualStartDate", "DateOfInitialCPC"),
    tables=("Section47",),
    type="error",
    check=check,
)
