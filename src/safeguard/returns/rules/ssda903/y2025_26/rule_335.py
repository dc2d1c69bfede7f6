"""SSDA903 rule 335 (error): The current foster value (0) suggests that child is not adopted by current foster carer, but last placement is A2, A3, or A5. Or the current foster value (1) suggests that child is adopted by current foster carer, but last placement is A1, A4 or A6.

Flags an episode that ceased with the child adopted (REC E1, E11, E12) and the child's AD1 row
when the placement contradicts FOSTER_CARE: A2, A3 or A5 (with the current foster carers) and
FOSTER_CARE 0, or A1, A4 or A6 (not with them) and FOSTER_CARE 1.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import (
    ADOPTED_REASONS_CEASED,
    ADOPTION_NOT_WITH_FOSTER_CARER,
    ADOPTION_WITH_FOSTER_CARER,
)
from safeguard.returns.engine import Rule, Submission, flagged

CODE = "335"
MESSAGE = (
    "The current foster value (0) suggests that child is not adopted by current foster carer, "
    "but last placement is A2, A3, or A5. Or the current foster value (1) suggests that child is "
    "adopted by current foster carer, but last placement is A1, A4 or A6."
)


def check(submission: Submission) -> pl.DataFrame:
    """Adopted episodes whose placement contradicts AD1's FOSTER_CARE, and those AD1 rows."""
    ad1 = (
        submission.tables["AD1"]
        .lazy()
        .select("CHILD", pl.col("ROW").alias("AD1_ROW"), "FOSTER_CARE")
    )
    contradicts = (
        pl.col("PLACE").is_in(list(ADOPTION_WITH_FOSTER_CARER)) & (pl.col("FOSTER_CARE") == "0")
    ) | (
        pl.col("PLACE").is_in(list(ADOPTION_NOT_WITH_FOSTER_CARER)) & (pl.col("FOSTER_CARE") == "1")
    )
    pairs = (
        submission.tables["Episodes"]
        .lazy()
        .filter(pl.col("REC").is_in(list(ADOPTED_REASONS_CEASED)))
        .join(ad1, on="CHILD", how="inner")
        .filter(contradicts)
    )
    return pl.concat(
        [
            flagged(pairs, "Episodes"),
            flagged(pairs.with_columns(pl.col("AD1_ROW").alias("ROW")), "AD1"),
        ]
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PLACE", "FOSTER_CARE"),
    tables=("Episodes", "AD1"),
    type="error",
    check=check,
)
