"""SSDA903 rule 406 (error): Child is Unaccompanied Asylum-Seeking Child (UASC) or was formerly UASC. Distance should be blank. [NOTE: This check will result in false negatives for children formerly UASC not identified as such in loaded data]

Flags an episode with a placement distance (PL_DISTANCE) given for a child who is or was UASC:
a child with a row in this year's or last year's UASC table, or whose Header this year or last
year carries UASC status 1 (when the Header has that optional column). Tables not loaded are
left out, hence the DfE's note on false negatives. PL_DISTANCE is an optional column; a file
without it the rule is skipped, not passed.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import given

CODE = "406"
MESSAGE = (
    "Child is Unaccompanied Asylum-Seeking Child (UASC) or was formerly UASC. Distance should be "
    "blank. [NOTE: This check will result in false negatives for children formerly UASC not "
    "identified as such in loaded data]"
)
IS_UASC = "1"


def _uasc_children(submission: Submission) -> pl.LazyFrame:
    """CHILD of every child the loaded tables show as UASC now or before."""
    tables = submission.tables
    parts = [
        tables[name].lazy().select("CHILD") for name in ("UASC", "UASC_last") if name in tables
    ]
    parts += [
        tables[name].lazy().filter(pl.col("UASC") == IS_UASC).select("CHILD")
        for name in ("Header", "Header_last")
        if name in tables and "UASC" in tables[name].columns
    ]
    if not parts:
        return pl.LazyFrame(schema={"CHILD": pl.String})
    return pl.concat(parts).unique()


def check(submission: Submission) -> pl.DataFrame:
    """Episodes of UASC or formerly UASC children with a placement distance."""
    return flagged(
        submission.tables["Episodes"]
        .lazy()
        .filter(given("PL_DISTANCE"))
        .join(_uasc_children(submission), on="CHILD", how="semi", maintain_order="left"),
        "Episodes",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("PL_DISTANCE",),
    tables=("Episodes",),
    type="error",
    check=check,
    columns=("Episodes.PL_DISTANCE",),
)
