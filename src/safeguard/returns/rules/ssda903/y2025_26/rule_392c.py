"""SSDA903 rule 392c (error): Postcode(s) provided are invalid.

Flags episodes with a home or placement postcode (HOME_POST, PL_POST) given that is not in the
form of a full UK postcode (outward code, optional space, inward code: POSTCODE_PATTERN). The DfE
and the public validator look the postcode up in the ONS postcode directory; Safeguard ships no
postcode directory, so a well-formed postcode that does not exist is not flagged.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import POSTCODE_PATTERN, rows

CODE = "392c"
MESSAGE = "Postcode(s) provided are invalid."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes with a postcode not in the form of a UK postcode."""

    def invalid(column: str) -> pl.Expr:
        return pl.col(column).is_not_null() & ~pl.col(column).str.contains(POSTCODE_PATTERN)

    return rows(submission, "Episodes", invalid("HOME_POST") | invalid("PL_POST"))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("HOME_POST", "PL_POST"),
    tables=("Episodes",),
    type="error",
    check=check,
)
