"""SSDA903 rule 1002 (error): This child has no previous episodes of care, therefore should not have care leaver information recorded. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]

Flags OC3 rows with care leaver information (IN_TOUCH, ACTIV or ACCOM given) for a child with no
episode in this year's or last year's Episodes. As the DfE's note says, a child whose care ended
before last year's collection is flagged too when only the two years are loaded. When earlier
years' Episodes are given (HISTORY, from `read_903(history=...)`), an episode there counts as
well, so only a child with no episode in any year given is flagged. HISTORY is not among the
rule's tables: without it the rule runs as the DfE's tool does.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import given
from safeguard.returns.ssda903.reader import HISTORY

CODE = "1002"
MESSAGE = "This child has no previous episodes of care, therefore should not have care leaver information recorded. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]"


def check(submission: Submission) -> pl.DataFrame:
    """Care leaver rows of children with no episodes in any year loaded."""
    with_episodes = pl.concat(
        [
            submission.tables[t].lazy().select("CHILD")
            for t in ("Episodes", "Episodes_last", HISTORY)
            if t in submission.tables
        ]
    ).unique()
    care_leavers = (
        submission.tables["OC3"].lazy().filter(given("IN_TOUCH") | given("ACTIV") | given("ACCOM"))
    )
    return flagged(
        care_leavers.join(with_episodes, on="CHILD", how="anti", maintain_order="left"), "OC3"
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("IN_TOUCH", "ACTIV", "ACCOM"),
    tables=("Episodes", "OC3", "Episodes_last"),
    type="error",
    check=check,
)
