"""SSDA903 rule 224 (error): The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement provider recorded.

Flags episodes with an Ofsted URN found in the provider table whose placement provider
(PLACE_PROVIDER) is not one the provider is recorded as (PROVIDER_CODES); a provider with none
listed is not judged. Needs the Ofsted provider table (PROVIDERS, from `read_903(providers=...)`); skipped without it.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import placed_with_provider
from safeguard.returns.ssda903.reader import PROVIDERS

CODE = "224"
MESSAGE = "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement provider recorded."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes whose placement provider does not match the URN's provider."""
    found = placed_with_provider(submission).filter(
        pl.col("PROVIDER_CODES").is_not_null()
        & ~pl.col("PROVIDER_CODES").list.contains(pl.col("PLACE_PROVIDER")).fill_null(value=False)
    )
    return flagged(found, "Episodes")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PLACE_PROVIDER",),
    tables=("Episodes", PROVIDERS),
    type="error",
    check=check,
)
