"""SSDA903 rule 516 (error): The episode data submitted for this child does not show that he/she was with their former foster carer(s) during the year.If the code in the reason episode ceased is E45 or E46 the child must have a placement code of U1 to U6.

Flags an episode ceasing by a special guardianship order (E45, E46) whose placement is not a
foster placement (U1-U6).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

CODE = "516"
MESSAGE = "The episode data submitted for this child does not show that he/she was with their former foster carer(s) during the year.If the code in the reason episode ceased is E45 or E46 the child must have a placement code of U1 to U6."


FOSTER = ("U1", "U2", "U3", "U4", "U5", "U6")


def check(submission: Submission) -> pl.DataFrame:
    """The Episodes rows this rule flags."""
    return rows(
        submission,
        "Episodes",
        pl.col("REC").is_in(["E45", "E46"]) & ~pl.col("PLACE").is_in(FOSTER).fill_null(value=False),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("REC", "PLACE"),
    tables=("Episodes",),
    type="error",
    check=check,
)
