"""SSDA903 rule 133 (error): Data entry for accommodation after leaving care is invalid. If reporting on a childs accommodation after leaving care the data entry must be valid

Flags OC3 rows whose ACCOM is not in the collection year's ACCOM code list
(safeguard.core.codes). A blank value is flagged too.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import not_in_list, rows

CODE = "133"
MESSAGE = "Data entry for accommodation after leaving care is invalid. If reporting on a childs accommodation after leaving care the data entry must be valid"


def check(submission: Submission) -> pl.DataFrame:
    """OC3 rows with ACCOM not a valid code for the year."""
    return rows(
        submission,
        "OC3",
        not_in_list("ACCOM", "ACCOM", submission.year, blank_ok=False),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("ACCOM",),
    tables=("OC3",),
    type="error",
    check=check,
)
