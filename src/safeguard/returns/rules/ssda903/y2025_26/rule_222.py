"""SSDA903 rule 222 (error): Ofsted Unique reference number (URN) should not be recorded for this placement type.

Flags an episode with an Ofsted URN (other than XXXXXXX) in a placement that has none: P1, P3,
R1, R2, R5, T0-T4, Z11-Z14 (the 2025/26 codes that replaced Z1).
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import PLACEMENTS_WITHOUT_URN, URN_NOT_KNOWN
from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "222"
MESSAGE = "Ofsted Unique reference number (URN) should not be recorded for this placement type."


NO_URN = list(PLACEMENTS_WITHOUT_URN)


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        pl.col("PLACE").is_in(NO_URN)
        & pl.col("URN").is_not_null()
        & (pl.col("URN") != URN_NOT_KNOWN),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("URN",),
    tables=("Episodes",),
    type="error",
    check=check,
)
