"""CIN census rule 8868 (error): CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC not required flag

Flags CINdetails rows with a CINclosureDate whose episode has a section 47 enquiry with neither a
DateOfInitialCPC nor ICPCnotRequired 1.

Follows the DfE message: an episode with no section 47 enquiry is not flagged (the public
validator's left join flags it).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import episodes_with
from safeguard.returns.engine import Rule, Submission

CODE = "8868"
MESSAGE = "CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC not required flag"


def check(submission: Submission) -> pl.DataFrame:
    """CINdetails rows with a CINclosureDate whose episode has a section 47 enquiry with neither a
    DateOfInitialCPC nor ICPCnotRequired 1."""
    return episodes_with(
        submission,
        pl.col("CINclosureDate").is_not_null(),
        "Section47",
        pl.col("DateOfInitialCPC").is_null() & (pl.col("ICPCnotRequired") != "1"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("ICPCnotRequired", "CINclosureDate", "DateOfInitialCPC"),
    tables=("CINdetails", "Section47"),
    type="error",
    check=check,
)
