"""SSDA903 rule 228 (error): Ofsted Unique reference number (URN) is not valid for the episode end date [NOTE: may give false positives on open episodes at providers who close during the year]

Flags episodes with an Ofsted URN found in the provider table whose registration ended (REG_END)
before the episode ended (DEC) or, for an open episode, before 31 March. Needs the Ofsted provider table (PROVIDERS, from `read_903(providers=...)`); skipped without it.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_end
from safeguard.returns.ssda903.expressions import placed_with_provider
from safeguard.returns.ssda903.reader import PROVIDERS

CODE = "228"
MESSAGE = "Ofsted Unique reference number (URN) is not valid for the episode end date [NOTE: may give false positives on open episodes at providers who close during the year]"


def check(submission: Submission) -> pl.DataFrame:
    """Episodes ending, or open, after the URN's registration ended."""
    ended = pl.col("DEC").fill_null(pl.lit(year_end(submission.year)))
    found = placed_with_provider(submission).filter(ended > pl.col("REG_END"))
    return flagged(found, "Episodes")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("URN", "DEC"),
    tables=("Episodes", PROVIDERS),
    type="error",
    check=check,
)
