"""CIN census rule 8590 (error): Child does not have a recorded CIN episode.

Flags ChildIdentifiers rows of children with no CINdetails row. The reader cannot produce such a
child: the XSD requires at least one CINdetails per Child, so a file with one fails the schema's
structure and is refused as unusable (exit code 2) before any rule runs. The rule still applies to
tables built another way (Safeguard's own records before export, or tests).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.reader import CHILD_ID
from safeguard.returns.engine import Rule, Submission, flagged

CODE = "8590"
MESSAGE = "Child does not have a recorded CIN episode."


def check(submission: Submission) -> pl.DataFrame:
    """ChildIdentifiers rows of children with no CIN episode."""
    episodes = submission.tables["CINdetails"].lazy().select(CHILD_ID).unique()
    children = (
        submission.tables["ChildIdentifiers"]
        .lazy()
        .join(episodes, on=CHILD_ID, how="anti", maintain_order="left", nulls_equal=True)
    )
    return flagged(children, "ChildIdentifiers", child=CHILD_ID)


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("LAchildID",),
    tables=("ChildIdentifiers", "CINdetails"),
    type="error",
    check=check,
)
