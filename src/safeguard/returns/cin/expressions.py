"""Polars building blocks the CIN census rules share: flagged rows and code lists.

A rule reads the reader's tables: dates are already Polars Dates (text as written in
`<column>__text`); codes are stripped text with blank as null; every row carries LAchildID.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import codes_for
from safeguard.returns.cin.reader import CHILD_ID
from safeguard.returns.engine import Submission, flagged


def rows(submission: Submission, table: str, condition: pl.Expr) -> pl.DataFrame:
    """The rows of `table` where `condition` is true, as the engine's flag frame."""
    return flagged(submission.tables[table].lazy().filter(condition), table, child=CHILD_ID)


def not_in_list(column: str, list_name: str, year: str, *, blank_ok: bool) -> pl.Expr:
    """True where `column` is not in code list `list_name` for `year` (blank is invalid unless
    `blank_ok`)."""
    valid = pl.col(column).is_in(list(codes_for(list_name, year)))
    if blank_ok:
        return pl.col(column).is_not_null() & ~valid
    return ~valid.fill_null(value=False)
