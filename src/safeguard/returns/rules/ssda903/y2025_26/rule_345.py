"""SSDA903 rule 345 (error): The data collection record shows the local authority is in touch with this young person, but activity and/or accommodation data items are zero.

Flags an OC3 row for a young person the authority is in touch with (YES) whose activity or
accommodation is 0.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "345"
MESSAGE = "The data collection record shows the local authority is in touch with this young person, but activity and/or accommodation data items are zero."


def check(submission: Submission) -> pl.DataFrame:
    """The OC3 rows this rule flags."""
    return rows(
        submission,
        "OC3",
        (pl.col("IN_TOUCH") == "YES") & ((pl.col("ACTIV") == "0") | (pl.col("ACCOM") == "0")),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("IN_TOUCH", "ACTIV", "ACCOM"),
    tables=("OC3",),
    type="error",
    check=check,
)
