"""CIN census rule 8568 (error): RNFA flag is missing or invalid

Flags CINdetails rows whose ReferralNFA is blank or not 0 or 1 (code list ReferralNFA, the XSD's
yesnotype). A missing ReferralNFA element fails the XSD's structure and the file is refused, but
a blank or other value is a value-level XSD failure the reader leaves to this rule.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import not_in_list, rows
from safeguard.returns.engine import Rule, Submission

CODE = "8568"
MESSAGE = "RNFA flag is missing or invalid"


def check(submission: Submission) -> pl.DataFrame:
    """CINdetails rows with a missing or invalid ReferralNFA."""
    return rows(
        submission,
        "CINdetails",
        not_in_list("ReferralNFA", "ReferralNFA", submission.year, blank_ok=False),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("ReferralNFA",),
    tables=("CINdetails",),
    type="error",
    check=check,
)
