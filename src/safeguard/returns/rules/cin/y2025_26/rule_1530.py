"""CIN census rule 1530 (error): UPN invalid (characters 2-4 not a recognised LA code)

Flags ChildIdentifiers rows with a UPN whose characters 2 to 4 are not an LA code the rule
recognises (safeguard.core.codes.UPN_LA_CODES: the DfE's list of post-April-1998 and pseudo LA
codes, with the English authorities created since).
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import UPN_LA_CODES
from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

CODE = "1530"
MESSAGE = "UPN invalid (characters 2-4 not a recognised LA code)"


def check(submission: Submission) -> pl.DataFrame:
    """ChildIdentifiers rows whose UPN characters 2-4 are not a recognised LA code."""
    code = pl.col("UPN").str.slice(1, 3)
    return rows(
        submission,
        "ChildIdentifiers",
        pl.col("UPN").is_not_null() & ~code.is_in(list(UPN_LA_CODES)),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("UPN",),
    tables=("ChildIdentifiers",),
    type="error",
    check=check,
)
