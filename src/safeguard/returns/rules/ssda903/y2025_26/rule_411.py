"""SSDA903 rule 411 (error): Placement location code disagrees with LA of placement.

Flags episodes whose placement location (PL_LOCATION) is IN (inside the authority) but whose LA
of placement (PL_LA) is not the council's own LA code. Needs the council's LA code (the COUNCIL
table from `read_903(la_code=...)`); skipped without it. PL_LOCATION and PL_LA are optional
columns; without them the rule is skipped, not passed.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import is_council, rows
from safeguard.returns.ssda903.reader import COUNCIL

CODE = "411"
MESSAGE = "Placement location code disagrees with LA of placement."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes placed 'IN' the authority in another LA."""
    return rows(
        submission,
        "Episodes",
        (pl.col("PL_LOCATION") == "IN") & ~is_council("PL_LA", submission),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PL_LOCATION",),
    tables=("Episodes", COUNCIL),
    type="error",
    check=check,
    columns=("Episodes.PL_LOCATION", "Episodes.PL_LA"),
)
