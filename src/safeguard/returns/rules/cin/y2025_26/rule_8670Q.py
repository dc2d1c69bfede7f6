"""CIN census rule 8670Q (query): Please check and either amend data or provide a reason: Assessment started more than 45 working days before the end of the census year. However, there is no Assessment end date.

Flags Assessments rows with no AssessmentAuthorisationDate whose AssessmentActualStartDate is before
the 45th working day before the 31 March reference date.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.calendar import add_working_days
from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission, year_end

CODE = "8670Q"
MESSAGE = "Please check and either amend data or provide a reason: Assessment started more than 45 working days before the end of the census year. However, there is no Assessment end date."


def check(submission: Submission) -> pl.DataFrame:
    """Assessments rows with no AssessmentAuthorisationDate whose AssessmentActualStartDate is
    before the 45th working day before the 31 March reference date."""
    return rows(
        submission,
        "Assessments",
        pl.col("AssessmentAuthorisationDate").is_null()
        & (pl.col("AssessmentActualStartDate") < add_working_days(year_end(submission.year), -45)),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("AssessmentActualStartDate",),
    tables=("Assessments",),
    type="query",
    check=check,
)
