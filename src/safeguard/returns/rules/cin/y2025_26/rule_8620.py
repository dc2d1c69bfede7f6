"""CIN census rule 8620 (error): CIN Closure Date present and does not fall within the Census year

Flags CINdetails rows whose CINclosureDate is outside the collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import outside_year, rows
from safeguard.returns.engine import Rule, Submission

CODE = "8620"
MESSAGE = "CIN Closure Date present and does not fall within the Census year"


def check(submission: Submission) -> pl.DataFrame:
    """CINdetails rows whose CINclosureDate is outside the collection year."""
    return rows(submission, "CINdetails", outside_year("CINclosureDate", submission.year))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CINclosureDate",),
    tables=("CINdetails",),
    type="error",
    check=check,
)
