"""CIN census rule 2991Q (query): Please check and either amend data or provide a reason: A Section 47 module is recorded and there is no assessment on the episode

Flags CINdetails rows whose episode has a section 47 enquiry and no assessment.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import episodes_with, episodes_without
from safeguard.returns.engine import Rule, Submission

CODE = "2991Q"
MESSAGE = "Please check and either amend data or provide a reason: A Section 47 module is recorded and there is no assessment on the episode"


def check(submission: Submission) -> pl.DataFrame:
    """CINdetails rows whose episode has a section 47 enquiry and no assessment."""
    with_enquiry = episodes_with(submission, pl.lit(value=True), "Section47", pl.lit(value=True))
    no_assessment = episodes_without(
        submission, pl.lit(value=True), "Assessments", pl.lit(value=True)
    )
    return with_enquiry.join(no_assessment, on=["table", "row"], how="semi")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CINdetailsID",),
    tables=("CINdetails", "Section47", "Assessments"),
    type="query",
    check=check,
)
