"""SSDA903 rule 303 (error): If date Unaccompanied Asylum-Seeking Child (UASC) status ceased is not null, UASC status must be coded 1.

Flags the Header row and the UASC row of a child whose UASC row gives a date UASC status ceased
(DUC) when the Header's UASC status is not 1. The DfE derives the Header's UASC flag from the
UASC table (so a derived flag always agrees); this rule checks a Header file that carries its
own UASC column, and a Header without one has nothing to compare.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import given

CODE = "303"
MESSAGE = (
    "If date Unaccompanied Asylum-Seeking Child (UASC) status ceased is not null, UASC status "
    "must be coded 1."
)
IS_UASC = "1"


def check(submission: Submission) -> pl.DataFrame:
    """Header and UASC rows of children with a DUC whose Header UASC status is not 1."""
    ceased = (
        submission.tables["UASC"]
        .lazy()
        .filter(given("DUC__text"))
        .select("CHILD", pl.col("ROW").alias("UASC_ROW"))
    )
    pairs = (
        submission.tables["Header"]
        .lazy()
        .filter(pl.col("UASC").ne_missing(pl.lit(IS_UASC)))
        .join(ceased, on="CHILD", how="inner")
    )
    return pl.concat(
        [
            flagged(pairs, "Header"),
            flagged(pairs.with_columns(pl.col("UASC_ROW").alias("ROW")), "UASC"),
        ]
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DUC", "UASC"),
    tables=("UASC", "Header"),
    type="error",
    check=check,
    columns=("Header.UASC",),
)
