"""SSDA903 rule 105 (error): Data entry for Unaccompanied Asylum-Seeking Children (UASC) status of child is invalid or has not been completed.

Flags a Header row whose UASC status is blank or not 0 or 1. The DfE derives the Header's UASC
flag from the UASC table; a council's CSV Header seldom carries it, and this rule checks it only
when the Header file has a UASC column (a file without one is skipped, not passed, as in the public
validator, which skips the rule for CSV files).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import not_in_list, rows

CODE = "105"
MESSAGE = (
    "Data entry for Unaccompanied Asylum-Seeking Children (UASC) status of child is invalid or "
    "has not been completed."
)


def check(submission: Submission) -> pl.DataFrame:
    """Header rows with a UASC status that is blank or not a valid code."""
    return rows(submission, "Header", not_in_list("UASC", "UASC", submission.year, blank_ok=False))


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("UASC",),
    tables=("Header",),
    type="error",
    check=check,
    columns=("Header.UASC",),
)
