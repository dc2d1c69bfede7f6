"""CIN census rule 8842Q (query): Please check and either amend or provide a reason: Review Record has a missing date

Flags Reviews rows with no CPPreviewDate: an empty <CPPreviewDate/> element, which the XSD refuses
as a value (not a structural) failure, so the reader keeps the row for this rule.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "8842Q"
MESSAGE = "Please check and either amend or provide a reason: Review Record has a missing date"


def check(submission: Submission) -> pl.DataFrame:
    """Reviews rows with a blank review date."""
    return rows(submission, "Reviews", pl.col("CPPreviewDate__text").is_null())


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CPPreviewDate",),
    tables=("Reviews",),
    type="query",
    check=check,
)
