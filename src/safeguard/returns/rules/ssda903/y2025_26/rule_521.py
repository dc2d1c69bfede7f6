"""SSDA903 rule 521 (error): Date of local authority's decision (LA) that adoption is in the best interests of the child (date should be placed) must be on or prior to the date the child is placed for adoption.

Flags a child's AD1 row, and the child's first placement for adoption (A3-A6, earliest DECOM),
when the date adoption was decided to be in the child's best interest (DATE_INT) is after that
placement began.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import ad1_date_after_adoption_placement

CODE = "521"
MESSAGE = "Date of local authority's decision (LA) that adoption is in the best interests of the child (date should be placed) must be on or prior to the date the child is placed for adoption."


def check(submission: Submission) -> pl.DataFrame:
    """The rows this rule flags."""
    return ad1_date_after_adoption_placement(submission, "DATE_INT")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PLACE", "DECOM", "DATE_INT"),
    tables=("Episodes", "AD1"),
    type="error",
    check=check,
)
