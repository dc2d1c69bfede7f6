"""SSDA903 rule 709 (error): Child with a DoLO is in an unexpected placement type.

Flags DoLo rows (with both dates) for which an episode of the child's overlapping the DoLO has a
placement other than those expected for a child deprived of liberty
(safeguard.core.codes.DOLO_EXPECTED_PLACEMENTS: K2, Z12, Z13). The DfE names the field PLACEMENT;
in the Episodes table it is PLACE. An error, as every SSDA903 rule is unless the DfE's own
message calls it a warning (see safeguard/returns/rules/ssda903/__init__.py).
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import DOLO_EXPECTED_PLACEMENTS
from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import dolo_placements

CODE = "709"
MESSAGE = "Child with a DoLO is in an unexpected placement type."


def check(submission: Submission) -> pl.DataFrame:
    """DoLo rows overlapping an episode in a placement not expected under a DoLO."""
    unexpected = dolo_placements(submission).filter(
        ~pl.col("PLACE").is_in(list(DOLO_EXPECTED_PLACEMENTS)).fill_null(value=False)
    )
    return flagged(unexpected.unique("ROW", keep="first", maintain_order=True), "DoLo")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOLO_START", "DOLO_END"),
    tables=("DoLo", "Episodes"),
    type="error",
    check=check,
)
