"""SSDA903 rule 1008 (error): Ofsted Unique Reference Number (URN) is not valid.

Flags episodes with an Ofsted URN (other than the placeholder XXXXXXX) that is not a URN: SC and
six digits, or six or seven digits. When the Ofsted provider table is given (PROVIDERS), a URN not
in it is flagged too; without it the URN's format is all that can be checked, so the rule always
runs.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import URN_NOT_KNOWN
from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows
from safeguard.returns.ssda903.reader import PROVIDERS

URN_PATTERN = r"^(SC\d{6}|\d{6,7})$"
"""An Ofsted unique reference number: a social care URN (SC123456) or a numeric one."""

CODE = "1008"
MESSAGE = "Ofsted Unique Reference Number (URN) is not valid."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes whose URN is not a URN, or not a known provider's."""
    urn = pl.col("URN")
    bad = urn.is_not_null() & (urn != URN_NOT_KNOWN) & ~urn.str.contains(URN_PATTERN)
    providers = submission.tables.get(PROVIDERS)
    if providers is not None:
        known = providers["URN"].drop_nulls().unique().to_list()
        bad = bad | (urn.is_not_null() & (urn != URN_NOT_KNOWN) & ~urn.is_in(known))
    return rows(submission, "Episodes", bad)


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("URN",),
    tables=("Episodes",),
    type="error",
    check=check,
)
