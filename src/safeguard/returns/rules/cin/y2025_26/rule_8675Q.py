"""CIN census rule 8675Q (query): Please check and either amend data or provide a reason: S47 Enquiry started more than 15 working days before the end of the census year. However, there is no date of Initial Child Protection Conference.

Flags Section47 rows with no DateOfInitialCPC, ICPCnotRequired not 1, whose S47ActualStartDate is
before the 15th working day before the 31 March reference date.

Follows the DfE message (started more than 15 working days before the reference date); the public
validator flags enquiries that started after that day.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.calendar import add_working_days
from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission, year_end

CODE = "8675Q"
MESSAGE = "Please check and either amend data or provide a reason: S47 Enquiry started more than 15 working days before the end of the census year. However, there is no date of Initial Child Protection Conference."


def check(submission: Submission) -> pl.DataFrame:
    """Section47 rows with no DateOfInitialCPC, ICPCnotRequired not 1, whose S47ActualStartDate is
    before the 15th working day before the 31 March reference date."""
    return rows(
        submission,
        "Section47",
        pl.col("DateOfInitialCPC").is_null()
        & (pl.col("ICPCnotRequired") != "1")
        & (pl.col("S47ActualStartDate") < add_working_days(year_end(submission.year), -15)),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DateOfInitialCPC", "S47ActualStartDate", "ICPCnotRequired"),
    tables=("Section47",),
    type="query",
    check=check,
)
