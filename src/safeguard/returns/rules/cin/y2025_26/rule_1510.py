"""CIN census rule 1510 (error): UPN invalid (wrong check letter at character 1)

Flags ChildIdentifiers rows whose UPN is well formed (a letter, eleven digits, then a digit or a
check letter) but whose first character is not the check letter the DfE's algorithm gives
(safeguard.core.codes.UPN_CHECK_LETTERS): characters 2 to 13 weighted 2 to 13 (a letter at 13
counting as its place among the check letters), the sum divided by 23, the remainder's letter.
Letters are compared upper-cased; a malformed UPN is left to rules 1540 and 1550.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import UPN_CHECK_LETTERS
from safeguard.returns.cin.expressions import rows
from safeguard.returns.engine import Rule, Submission

_VALUES = {str(d): d for d in range(10)} | {letter: n for n, letter in enumerate(UPN_CHECK_LETTERS)}

CODE = "1510"
MESSAGE = "UPN invalid (wrong check letter at character 1)"


def expected_check_letter(upn: pl.Expr) -> pl.Expr:
    """The check letter for UPN `upn` (upper-cased text), null unless it is well formed."""
    weighted = pl.sum_horizontal(
        upn.str.slice(i, 1).replace_strict(_VALUES, default=None, return_dtype=pl.Int64) * (i + 1)
        for i in range(1, 13)
    )
    letters = dict(enumerate(UPN_CHECK_LETTERS))
    return (
        pl.when(upn.str.contains(rf"^[A-Z]\d{{11}}[0-9{UPN_CHECK_LETTERS}]$"))
        .then(weighted % 23)
        .replace_strict(letters, default=None, return_dtype=pl.String)
    )


def check(submission: Submission) -> pl.DataFrame:
    """ChildIdentifiers rows whose well-formed UPN starts with the wrong check letter."""
    upn = pl.col("UPN").str.to_uppercase()
    return rows(submission, "ChildIdentifiers", upn.str.slice(0, 1) != expected_check_letter(upn))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("UPN",),
    tables=("ChildIdentifiers",),
    type="error",
    check=check,
)
