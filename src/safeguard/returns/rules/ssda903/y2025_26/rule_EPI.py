"""SSDA903 rule EPI (query): WARNING: Episodes need to be loaded for this child before further validation is possible [NOTE: This refers to the DfE portal - here, all checks that can be performed with only the available data will be.]

Flags a Header row for a child with no Episodes row and no OC3 row (an absent Episodes or OC3
table counts as empty). A query: the only SSDA903 rule whose DfE message labels itself
"WARNING" (see safeguard/returns/rules/ssda903/__init__.py).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "EPI"
MESSAGE = "WARNING: Episodes need to be loaded for this child before further validation is possible [NOTE: This refers to the DfE portal - here, all checks that can be performed with only the available data will be.]"


def check(submission: Submission) -> pl.DataFrame:
    """Header rows of children with no episodes and no OC3 row."""
    header = submission.tables["Header"].lazy()
    for other in ("Episodes", "OC3"):
        table = submission.tables.get(other)
        if table is not None:
            header = header.join(table.lazy().select("CHILD").unique(), on="CHILD", how="anti")
    return flagged(header, "Header")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CHILD",),
    tables=("Header",),
    type="query",
    check=check,
)
