"""SSDA903 rule 1000 (error): This child is recorded as having died in care and therefore should not have the care leaver information completed. [NOTE: This only tests the current and previous year data loaded into the tool]

Flags the OC3 row of a child with an episode ceasing because the child died (E2) in this year's
return or, when given, last year's. When earlier years' Episodes are given (HISTORY, from
`read_903(history=...)`), a death recorded in them counts too, so the check no longer stops at the
two years the DfE's note names; without them the rule runs as the DfE's tool does. HISTORY is not
among the rule's tables, so the rule runs without it.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.reader import HISTORY

CODE = "1000"
MESSAGE = "This child is recorded as having died in care and therefore should not have the care leaver information completed. [NOTE: This only tests the current and previous year data loaded into the tool]"


def check(submission: Submission) -> pl.DataFrame:
    """OC3 rows of children who died in care (this year's, last year's or earlier episodes)."""
    died = [
        submission.tables[name].lazy().filter(pl.col("REC") == "E2").select("CHILD")
        for name in ("Episodes", "Episodes_last", HISTORY)
        if name in submission.tables
    ]
    return flagged(
        submission.tables["OC3"].lazy().join(pl.concat(died).unique(), on="CHILD", how="semi"),
        "OC3",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("IN_TOUCH", "ACTIV", "ACCOM"),
    tables=("Episodes", "OC3"),
    type="error",
    check=check,
)
