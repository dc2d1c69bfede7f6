"""CIN census rule 8650 (error): Primary Need Code invalid (see Primary Need table in CIN census code set)

Flags CINdetails rows whose PrimaryNeedCode is written but not in the primary need code list.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import not_in_list, rows
from safeguard.returns.engine import Rule, Submission

CODE = "8650"
MESSAGE = "Primary Need Code invalid (see Primary Need table in CIN census code set)"


def check(submission: Submission) -> pl.DataFrame:
    """CINdetails rows whose PrimaryNeedCode is written but not in the primary need code list."""
    return rows(
        submission,
        "CINdetails",
        not_in_list("PrimaryNeedCode", "PrimaryNeedCode", submission.year, blank_ok=True),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PrimaryNeedCode",),
    tables=("CINdetails",),
    type="error",
    check=check,
)
