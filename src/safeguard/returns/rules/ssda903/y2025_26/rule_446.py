"""SSDA903 rule 446 (error): E1 is not a valid code for episodes starting before December 2005.

Flags an episode under a placement order (E1) starting before 1 December 2005.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "446"
MESSAGE = "E1 is not a valid code for episodes starting before December 2005."


FROM = date(2005, 12, 1)


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        (pl.col("LS") == "E1") & (pl.col("DECOM") < pl.lit(FROM)),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("LS", "DECOM"),
    tables=("Episodes",),
    type="error",
    check=check,
)
