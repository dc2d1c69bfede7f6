"""SSDA903 rule 1015 (error): Placement provider is own provision but child not placed in own LA.

Flags episodes provided by the council itself (PLACE_PROVIDER PR1), other than short breaks (V3,
V4) and placements own provision may arrange anywhere (adoption A3-A6, fostering U1-U6, supported
accommodation K3; safeguard.core.codes.OWN_PROVISION_ANYWHERE), whose LA of placement (PL_LA) is
not the council's. Needs the council's LA code (COUNCIL); skipped without it. PL_LA is an optional
column; without it the rule is skipped, not passed.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import OWN_PROVISION_ANYWHERE, SHORT_BREAK_LEGAL_STATUSES
from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import is_council, rows
from safeguard.returns.ssda903.reader import COUNCIL

CODE = "1015"
MESSAGE = "Placement provider is own provision but child not placed in own LA."


def check(submission: Submission) -> pl.DataFrame:
    """Own-provision episodes placed outside the council's area."""
    return rows(
        submission,
        "Episodes",
        (pl.col("PLACE_PROVIDER") == "PR1")
        & pl.col("LS").is_not_null()
        & pl.col("PLACE").is_not_null()
        & ~pl.col("LS").is_in(list(SHORT_BREAK_LEGAL_STATUSES))
        & ~pl.col("PLACE").is_in(list(OWN_PROVISION_ANYWHERE))
        & ~is_council("PL_LA", submission),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PL_LA",),
    tables=("Episodes", COUNCIL),
    type="error",
    check=check,
    columns=("Episodes.PL_LA",),
)
