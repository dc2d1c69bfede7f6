# ruff: noqa: RUF001, RUF002  (the DfE message uses a typographic apostrophe)
"""CIN census rule 8540 (error): Child’s disability is missing or invalid (see Disability table)

Flags Disabilities rows (one per Disability element) whose code is blank or not in the disability
code list.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import not_in_list, rows
from safeguard.returns.engine import Rule, Submission

CODE = "8540"
MESSAGE = "Child’s disability is missing or invalid (see Disability table)"


def check(submission: Submission) -> pl.DataFrame:
    """Disabilities rows (one per Disability element) whose code is blank or not in the disability
    code list."""
    return rows(
        submission,
        "Disabilities",
        not_in_list("Disability", "Disability", submission.year, blank_ok=False),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("Disability", "PersonBirthDate", "ReferralNFA"),
    tables=("Disabilities",),
    type="error",
    check=check,
)
