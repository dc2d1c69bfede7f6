"""CIN census rule 1540 (error): UPN invalid (characters 5-12 not all numeric)

Flags ChildIdentifiers rows with a UPN whose characters 5 to 12 are not all digits (a UPN too
short to have them included). The XSD's UPN pattern fails such a value too, but the reader
leaves value-level XSD failures to the DfE rules, so the rule is reached.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "1540"
MESSAGE = "UPN invalid (characters 5-12 not all numeric)"


def check(submission: Submission) -> pl.DataFrame:
    """ChildIdentifiers rows whose UPN characters 5-12 are not all digits."""
    return rows(
        submission,
        "ChildIdentifiers",
        pl.col("UPN").is_not_null() & ~pl.col("UPN").str.contains(r"^.{4}\d{8}"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("UPN",),
    tables=("ChildIdentifiers",),
    type="error",
    check=check,
)
