"""CIN census rule 8839 (error): Within one CINDetails group there are 2 or more open S47 Assessments

Flags Section47 rows with no DateOfInitialCPC and ICPCnotRequired not 1, in a CIN episode with more
than one such enquiry.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8839"
MESSAGE = "Within one CINDetails group there are 2 or more open S47 Assessments"

OPEN = pl.col("DateOfInitialCPC").is_null() & (pl.col("ICPCnotRequired") != "1")
"""A section 47 enquiry with no conference yet and one required."""


def check(submission: Submission) -> pl.DataFrame:
    """Section47 rows with no DateOfInitialCPC and ICPCnotRequired not 1, in a CIN episode with more
    than one such enquiry."""
    return rows(
        submission, "Section47", OPEN & (OPEN.sum().over(["LAchildID", "CINdetailsID"]) > 1)
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DateOfInitialCPC",),
    tables=("Section47",),
    type="error",
    check=check,
)
