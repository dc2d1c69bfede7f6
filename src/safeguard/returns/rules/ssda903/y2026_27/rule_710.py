"""SSDA903 rule 710 (error): Child with a DoLO can not be placed in secure children's homes, with parents, young offender institutions, or supported accommodation.

Flags DoLo rows (with both dates) and the overlapping Episodes rows whose placement is one a child
under a DoLO may not be in (safeguard.core.codes.DOLO_BARRED_PLACEMENTS: K1, P1, R5, K3). The DfE
names the field PLACEMENT; in the Episodes table it is PLACE.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import DOLO_BARRED_PLACEMENTS
from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import dolo_placements

CODE = "710"
MESSAGE = "Child with a DoLO can not be placed in secure children's homes, with parents, young offender institutions, or supported accommodation."


def check(submission: Submission) -> pl.DataFrame:
    """DoLo rows and their overlapping Episodes rows in a barred placement."""
    barred = dolo_placements(submission).filter(pl.col("PLACE").is_in(list(DOLO_BARRED_PLACEMENTS)))
    return pl.concat(
        [
            flagged(barred, "DoLo"),
            flagged(barred.with_columns(pl.col("EPISODE_ROW").alias("ROW")), "Episodes"),
        ]
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOLO_START", "PLACE"),
    tables=("DoLo", "Episodes"),
    type="error",
    check=check,
)
