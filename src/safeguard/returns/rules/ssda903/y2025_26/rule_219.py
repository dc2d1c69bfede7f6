"""SSDA903 rule 219 (error): The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement type recorded.

Flags episodes with an Ofsted URN found in the provider table whose placement type (PLACE) is not
one the provider is registered for (PLACE_CODES). A URN not in the table is rule 1008's; a
provider with no placement types listed is not judged. Needs the Ofsted provider table (PROVIDERS, from `read_903(providers=...)`); skipped without it.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import placed_with_provider
from safeguard.returns.ssda903.reader import PROVIDERS

CODE = "219"
MESSAGE = "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement type recorded."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes whose placement type does not match the URN's provider."""
    found = placed_with_provider(submission).filter(
        pl.col("PLACE_CODES").is_not_null() & ~pl.col("PLACE_CODES").list.contains(pl.col("PLACE"))
    )
    return flagged(found, "Episodes")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("URN", "PLACE"),
    tables=("Episodes", PROVIDERS),
    type="error",
    check=check,
)
