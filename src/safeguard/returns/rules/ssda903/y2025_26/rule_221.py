"""SSDA903 rule 221 (error): The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement postcode provided.

Flags episodes, other than short breaks (V3, V4), in a children's home, family centre or
residential school (PLACE K1, K2, R3, S1) with an Ofsted URN found in the provider table and a
placement postcode (PL_POST) that is not the provider's postcode (spaces ignored). Needs the Ofsted provider table (PROVIDERS, from `read_903(providers=...)`); skipped without it.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import SHORT_BREAK_LEGAL_STATUSES
from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import placed_with_provider
from safeguard.returns.ssda903.reader import PROVIDERS

REGISTERED_AT_ADDRESS = ("K1", "K2", "R3", "S1")
"""Placements whose Ofsted registration is for the address the child lives at."""

CODE = "221"
MESSAGE = "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement postcode provided."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes whose placement postcode is not the URN's provider's."""
    postcode = pl.col("PL_POST").str.replace_all(" ", "", literal=True)
    found = placed_with_provider(submission).filter(
        pl.col("PLACE").is_in(REGISTERED_AT_ADDRESS)
        & ~pl.col("LS").is_in(list(SHORT_BREAK_LEGAL_STATUSES)).fill_null(value=False)
        & pl.col("PL_POST").is_not_null()
        & pl.col("PROVIDER_POSTCODE").is_not_null()
        & (postcode != pl.col("PROVIDER_POSTCODE"))
    )
    return flagged(found, "Episodes")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PL_POST",),
    tables=("Episodes", PROVIDERS),
    type="error",
    check=check,
)
