"""CIN census rule 1550 (error): UPN invalid (character 13 not a recognised value)

Flags ChildIdentifiers rows with a UPN whose 13th character is not a digit or a letter A-Z other
than I, O and S (safeguard.core.codes.UPN_CHECK_LETTERS; compared upper-cased). A missing 13th
character counts as not recognised. The XSD's UPN pattern lets I, O and S through, and the reader
leaves value-level XSD failures to the DfE rules, so this rule is reached through the reader.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import UPN_CHECK_LETTERS
from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "1550"
MESSAGE = "UPN invalid (character 13 not a recognised value)"


def check(submission: Submission) -> pl.DataFrame:
    """ChildIdentifiers rows whose UPN's 13th character is not a recognised value."""
    thirteenth = pl.col("UPN").str.slice(12, 1).str.to_uppercase()
    return rows(
        submission,
        "ChildIdentifiers",
        pl.col("UPN").is_not_null() & ~thirteenth.str.contains(f"^[0-9{UPN_CHECK_LETTERS}]$"),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("UPN",),
    tables=("ChildIdentifiers",),
    type="error",
    check=check,
)
