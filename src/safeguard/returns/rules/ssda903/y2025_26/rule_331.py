"""SSDA903 rule 331 (error): Date of matching child and adopter(s) should be the same as, or prior to, the date of placement of adoption.

Flags a child's AD1 row, and the child's first placement for adoption (A3-A6, earliest DECOM),
when the date matched with adopters is after that placement began.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import ad1_date_after_adoption_placement

CODE = "331"
MESSAGE = "Date of matching child and adopter(s) should be the same as, or prior to, the date of placement of adoption."


def check(submission: Submission) -> pl.DataFrame:
    """The rows this rule flags."""
    return ad1_date_after_adoption_placement(submission, "DATE_MATCH")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DATE_MATCH", "DECOM", "REC"),
    tables=("AD1", "Episodes"),
    type="error",
    check=check,
)
