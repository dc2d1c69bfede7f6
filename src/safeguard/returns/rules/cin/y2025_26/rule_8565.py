"""CIN census rule 8565 (error): Activity shown after a case has been closed

Flags each CINdetails row with a CINclosureDate before one of its episode's dates, and the rows
holding those later dates: the episode's DateOfInitialCPC, an assessment's
AssessmentActualStartDate or AssessmentAuthorisationDate, a section 47's S47ActualStartDate or
DateOfInitialCPC, a child protection plan's CPPendDate, a CIN plan's CINPlanStartDate or
CINPlanEndDate.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.reader import CHILD_ID
from safeguard.returns.engine import ROW, Rule, Submission, flagged

ACTIVITY = {
    "CINdetails": ("DateOfInitialCPC",),
    "Assessments": ("AssessmentActualStartDate", "AssessmentAuthorisationDate"),
    "Section47": ("S47ActualStartDate", "DateOfInitialCPC"),
    "ChildProtectionPlans": ("CPPendDate",),
    "CINplanDates": ("CINPlanStartDate", "CINPlanEndDate"),
}
"""The dates, by table, a CIN episode's closure date must be on or after."""

CODE = "8565"
MESSAGE = "Activity shown after a case has been closed"


def check(submission: Submission) -> pl.DataFrame:
    """Closed episodes with activity after the closure date, and the rows of that activity."""
    keys = [CHILD_ID, "CINdetailsID"]
    closed = (
        submission.tables["CINdetails"]
        .lazy()
        .filter(pl.col("CINclosureDate").is_not_null())
        .select(*keys, pl.col(ROW).alias("_episode_row"), "CINclosureDate")
    )
    found = []
    for table, columns in ACTIVITY.items():
        rows = submission.tables[table].lazy()
        if table == "CINdetails":
            rows = rows.drop("CINclosureDate")
        late = rows.join(closed, on=keys, how="inner").filter(
            pl.any_horizontal(pl.col(c) > pl.col("CINclosureDate") for c in columns)
        )
        found.append(flagged(late, table, child=CHILD_ID))
        episodes = (
            submission.tables["CINdetails"]
            .lazy()
            .join(late.select(pl.col("_episode_row").alias(ROW)).unique(), on=ROW, how="semi")
        )
        found.append(flagged(episodes, "CINdetails", child=CHILD_ID))
    return pl.concat(found)


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=(
        "CINclosureDate",
        "DateOfInitialCPC",
        "AssessmentActualStartDate",
        "AssessmentAuthorisationDate",
        "S47ActualStartDate",
        "CPPendDate",
        "CINPlanStartDate",
        "CINPlanEndDate",
    ),
    tables=("CINdetails", "Assessments", "Section47", "ChildProtectionPlans", "CINplanDates"),
    type="error",
    check=check,
)
