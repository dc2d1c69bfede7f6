"""SSDA903 rule 169 (error): Local Authority (LA) of placement is not valid or is missing. Please check a valid postcode has been entered.

Flags episodes, other than short breaks (V3, V4), whose placement LA (PL_LA, derived by the DfE
from the placement postcode) is blank or is not an LA code: an English LA's three-digit or ONS
code (safeguard.core.codes.ENGLISH_LA_CODES) or WAL, SCO, NUK, NIR. PL_LA is an optional column;
without it the rule is skipped, not passed.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import ENGLISH_LA_CODES, LA_OUTSIDE_ENGLAND, SHORT_BREAK_LEGAL_STATUSES
from safeguard.returns.engine import Rule, Submission
from safeguard.returns.ssda903.expressions import rows

LA_CODES = sorted(
    {*ENGLISH_LA_CODES, *(ons for ons, _ in ENGLISH_LA_CODES.values()), *LA_OUTSIDE_ENGLAND}
)

CODE = "169"
MESSAGE = "Local Authority (LA) of placement is not valid or is missing. Please check a valid postcode has been entered."


def check(submission: Submission) -> pl.DataFrame:
    """Episodes whose LA of placement is missing or not valid."""
    return rows(
        submission,
        "Episodes",
        ~pl.col("LS").is_in(list(SHORT_BREAK_LEGAL_STATUSES)).fill_null(value=False)
        & ~pl.col("PL_LA").is_in(LA_CODES).fill_null(value=False),
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PL_LA",),
    tables=("Episodes",),
    type="error",
    check=check,
    columns=("Episodes.PL_LA",),
)
