"""CIN census rule 8890 (error): A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing

Flags Section47 rows whose S47ActualStartDate falls on or between the start and DateOfInitialCPC of
another enquiry in the same CIN episode, or its start and the reference date if it has no conference
and ICPCnotRequired is not 1.

Follows the DfE rule (within one CIN episode); the public validator compares enquiries of different
episodes. The DfE names the CINdetails table; the enquiry is flagged, as it is the one to amend.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import starts_inside_another
from safeguard.returns.engine import Rule, Submission

CODE = "8890"
MESSAGE = (
    "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing"
)


def check(submission: Submission) -> pl.DataFrame:
    """Section47 rows whose S47ActualStartDate falls on or between the start and DateOfInitialCPC of
    another enquiry in the same CIN episode, or its start and the reference date if it has no
    conference and ICPCnotRequired is not 1."""
    return starts_inside_another(
        submission,
        "Section47",
        "S47ActualStartDate",
        "DateOfInitialCPC",
        open_runs_on=pl.col("ICPCnotRequired") != "1",
        end_inclusive=True,
        within=("LAchildID", "CINdetailsID"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("S47ActualStartDate",),
    tables=("Section47",),
    type="error",
    check=check,
)
