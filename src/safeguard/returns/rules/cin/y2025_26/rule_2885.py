"""CIN census rule 2885 (error): Child protection plan shown as starting a different day to the initial child protection conference.

Flags ChildProtectionPlans rows starting in the collection year whose CPPstartDate is neither a
DateOfInitialCPC of a Section47 record of the same CIN episode nor the episode's CINdetails
DateOfInitialCPC (the DfE expects the latter only where the episode has no section 47 record;
either date is accepted, as the public validator does).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import in_year
from safeguard.returns.cin.reader import CHILD_ID
from safeguard.returns.engine import Rule, Submission, flagged

CODE = "2885"
MESSAGE = "Child protection plan shown as starting a different day to the initial child protection conference."


def check(submission: Submission) -> pl.DataFrame:
    """Plans starting in the year on a day no initial conference of the episode took place."""
    keys = [CHILD_ID, "CINdetailsID"]
    conferences = pl.concat(
        [
            submission.tables[table]
            .lazy()
            .select(*keys, pl.col("DateOfInitialCPC").alias("CPPstartDate"))
            .drop_nulls()
            for table in ("Section47", "CINdetails")
        ]
    ).unique()
    plans = (
        submission.tables["ChildProtectionPlans"]
        .lazy()
        .filter(in_year("CPPstartDate", submission.year))
        .join(conferences, on=[*keys, "CPPstartDate"], how="anti", maintain_order="left")
    )
    return flagged(plans, "ChildProtectionPlans", child=CHILD_ID)


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CPPstartDate", "DateOfInitialCPC"),
    tables=("ChildProtectionPlans", "Section47", "CINdetails"),
    type="error",
    check=check,
)
