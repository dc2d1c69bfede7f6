"""CIN census rule 8825Q (query): Please check and either amend data or provide a reason: Reason for Closure code RC8 (case closed after assessment) or RC9 (case closed after assessment, referred to early help) has been returned but there is no assessment present for the episode.

Flags CINdetails rows with ReasonForClosure RC8 or RC9 (closed after assessment) whose episode has
no assessment.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import CLOSED_AFTER_ASSESSMENT
from safeguard.returns.cin.expressions import episodes_without
from safeguard.returns.engine import Rule, Submission

CODE = "8825Q"
MESSAGE = "Please check and either amend data or provide a reason: Reason for Closure code RC8 (case closed after assessment) or RC9 (case closed after assessment, referred to early help) has been returned but there is no assessment present for the episode."


def check(submission: Submission) -> pl.DataFrame:
    """CINdetails rows with ReasonForClosure RC8 or RC9 (closed after assessment) whose episode has
    no assessment."""
    return episodes_without(
        submission,
        pl.col("ReasonForClosure").is_in(list(CLOSED_AFTER_ASSESSMENT)),
        "Assessments",
        pl.lit(value=True),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("ReasonForClosure",),
    tables=("CINdetails", "Assessments"),
    type="query",
    check=check,
)
