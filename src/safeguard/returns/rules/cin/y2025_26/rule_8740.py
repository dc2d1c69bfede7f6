"""CIN census rule 8740 (error): For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the census year, the start date must fall within the census year

Flags Section47 rows with no DateOfInitialCPC, ICPCnotRequired not 1, and an S47ActualStartDate
outside the collection year.

An enquiry marked ICPCnotRequired 1 will hold no conference, so it is not checked.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import outside_year, rows
from safeguard.returns.engine import Rule, Submission

CODE = "8740"
MESSAGE = "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the census year, the start date must fall within the census year"


def check(submission: Submission) -> pl.DataFrame:
    """Section47 rows with no DateOfInitialCPC, ICPCnotRequired not 1, and an S47ActualStartDate
    outside the collection year."""
    return rows(
        submission,
        "Section47",
        pl.col("DateOfInitialCPC").is_null()
        & (pl.col("ICPCnotRequired") != "1")
        & outside_year("S47ActualStartDate", submission.year),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("S47ActualStartDate", "DateOfInitialCPC", "ICPCnotRequired"),
    tables=("Section47",),
    type="error",
    check=check,
)
