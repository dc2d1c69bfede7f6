"""SSDA903 rule 227 (error): Ofsted Unique reference number (URN) is not valid for the episode start date.

Flags episodes with an Ofsted URN found in the provider table whose registration ended (REG_END)
on or before the episode started (DECOM). Needs the Ofsted provider table (PROVIDERS, from `read_903(providers=...)`); skipped without it.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import placed_with_provider
from safeguard.returns.ssda903.reader import PROVIDERS

CODE = "227"
MESSAGE = "Ofsted Unique reference number (URN) is not valid for the episode start date."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes starting after the URN's registration ended."""
    found = placed_with_provider(submission).filter(pl.col("DECOM") >= pl.col("REG_END"))
    return flagged(found, "Episodes")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("URN", "DECOM"),
    tables=("Episodes", PROVIDERS),
    type="error",
    check=check,
)
