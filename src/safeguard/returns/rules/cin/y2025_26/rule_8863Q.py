"""CIN census rule 8863Q (query): An Assessment is shown as starting when there is another Assessment ongoing.

Flags Assessments rows whose AssessmentActualStartDate falls on or between the start and
authorisation date (or, if none, the reference date) of another assessment in the same CIN episode.

Follows the DfE rule: two assessments with the same dates overlap, so both are flagged (the public
validator skips such pairs).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import starts_inside_another
from safeguard.returns.engine import Rule, Submission

CODE = "8863Q"
MESSAGE = "An Assessment is shown as starting when there is another Assessment ongoing."


def check(submission: Submission) -> pl.DataFrame:
    """Assessments rows whose AssessmentActualStartDate falls on or between the start and
    authorisation date (or, if none, the reference date) of another assessment in the same CIN
    episode."""
    return starts_inside_another(
        submission,
        "Assessments",
        "AssessmentActualStartDate",
        "AssessmentAuthorisationDate",
        open_runs_on=pl.lit(value=True),
        end_inclusive=True,
        within=("LAchildID", "CINdetailsID"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("AssessmentActualStartDate", "AssessmentAuthorisationDate"),
    tables=("Assessments",),
    type="query",
    check=check,
)
