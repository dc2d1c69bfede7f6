"""CIN census rule 2886Q (query): Please check and either amend or provide a reason: Percentage of children with no sex recorded is more than 2% (excluding unborns)

A rule about the return as a whole (LA level): flags the Header row when more than 2% of the
children are born (no ExpectedPersonBirthDate) with no sex recorded (Sex blank or U, not known;
the rule's 'GenderCurrent missing or 0' in the 2026 schema's terms).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import whole_return
from safeguard.returns.engine import Rule, Submission

CODE = "2886Q"
MESSAGE = "Please check and either amend or provide a reason: Percentage of children with no sex recorded is more than 2% (excluding unborns)"


SHARE = 0.02
"""The DfE's threshold: at most 2% of children with no sex recorded."""


def check(submission: Submission) -> pl.DataFrame:
    """The Header row if over 2% of the (born) children have no sex recorded."""
    children = submission.tables["ChildIdentifiers"]
    no_sex = (pl.col("Sex").is_null() | (pl.col("Sex").str.to_uppercase() == "U")) & pl.col(
        "ExpectedPersonBirthDate"
    ).is_null()
    missing = int(children.select(no_sex.sum()).item() or 0)
    return whole_return(
        submission, raised=children.height > 0 and missing / children.height > SHARE
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("ExpectedPersonBirthDate", "ChildIdentifiers"),
    tables=("ChildIdentifiers", "Header"),
    type="query",
    check=check,
)
