"""SSDA903 rule 344 (error): The record shows the young person has died or returned home to live with parent(s) or someone with parental responsibility for a continuous period of 6 months or more, but activity and/or accommodation on leaving care have been completed.

Flags an OC3 row for a young person who died or returned home (IN_TOUCH DIED or RHOM) with
activity or accommodation completed as anything but 0.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "344"
MESSAGE = "The record shows the young person has died or returned home to live with parent(s) or someone with parental responsibility for a continuous period of 6 months or more, but activity and/or accommodation on leaving care have been completed."


def check(submission: Submission) -> pl.DataFrame:
    """The OC3 rows this rule flags."""
    return rows(
        submission,
        "OC3",
        pl.col("IN_TOUCH").is_in(["DIED", "RHOM"])
        & pl.any_horizontal(
            pl.col(c).is_not_null() & (pl.col(c) != "0") for c in ("ACTIV", "ACCOM")
        ),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("IN_TOUCH", "ACTIV", "ACCOM"),
    tables=("OC3",),
    type="error",
    check=check,
)
