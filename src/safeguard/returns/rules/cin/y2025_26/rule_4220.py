"""CIN census rule 4220 (error): Ethnicity is missing or invalid (see Ethnicity table)

Flags ChildCharacteristics rows whose Ethnicity is blank or not in the ethnicity code list.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import not_in_list, rows
from safeguard.returns.engine import Rule, Submission

CODE = "4220"
MESSAGE = "Ethnicity is missing or invalid (see Ethnicity table)"


def check(submission: Submission) -> pl.DataFrame:
    """ChildCharacteristics rows whose Ethnicity is blank or not in the ethnicity code list."""
    return rows(
        submission,
        "ChildCharacteristics",
        not_in_list("Ethnicity", "Ethnicity", submission.year, blank_ok=False),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("Ethnicity",),
    tables=("ChildCharacteristics",),
    type="error",
    check=check,
)
