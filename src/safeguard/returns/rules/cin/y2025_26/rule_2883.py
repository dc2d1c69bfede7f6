"""CIN census rule 2883 (error): There are more child protection plans starting than initial conferences taking place

A rule about the return as a whole (the DfE raises it at LA level): flags the Header row when more
child protection plans start in the collection year (CPPstartDate) than initial conferences take
place in it (DateOfInitialCPC on CINdetails plus on Section47).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import in_year, whole_return
from safeguard.returns.engine import Rule, Submission

CODE = "2883"
MESSAGE = "There are more child protection plans starting than initial conferences taking place"


def check(submission: Submission) -> pl.DataFrame:
    """The Header row if plans starting in the year outnumber initial conferences in it."""

    def count(table: str, column: str) -> int:
        frame = submission.tables[table]
        return int(frame.select(in_year(column, submission.year).sum()).item() or 0)

    plans = count("ChildProtectionPlans", "CPPstartDate")
    conferences = count("CINdetails", "DateOfInitialCPC") + count("Section47", "DateOfInitialCPC")
    return whole_return(submission, raised=plans > conferences)


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CPPstartDate", "DateOfInitialCPC"),
    tables=("ChildProtectionPlans", "CINdetails", "Section47", "Header"),
    type="error",
    check=check,
)
