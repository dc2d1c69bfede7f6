"""SSDA903 rule 191 (error): Child has been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been left blank.

For children looked after continuously for 12 months at 31 March, flags their OC2 row when
immunisations, teeth check, health assessment or substance misuse is blank, and their first
episode when they have no OC2 row. Looked after continuously for 12 months means the DfE's
definition (see safeguard.returns.ssda903.expressions.continuously_looked_after).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import continuously_looked_after, first_episodes

CODE = "191"
MESSAGE = "Child has been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been left blank."


CORE = ("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE")


def check(submission: Submission) -> pl.DataFrame:
    """OC2 rows with core items blank, and first episodes of children missing from OC2."""
    cohort = continuously_looked_after(submission)
    oc2 = submission.tables["OC2"].lazy()
    incomplete = oc2.join(cohort, on="CHILD", how="semi").filter(
        pl.any_horizontal(pl.col(c).is_null() for c in CORE)
    )
    missing = (
        first_episodes(submission)
        .join(cohort, on="CHILD", how="semi")
        .join(oc2.select("CHILD").unique(), on="CHILD", how="anti")
    )
    return pl.concat([flagged(incomplete, "OC2"), flagged(missing, "Episodes")])


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "CHILD"),
    tables=("Episodes", "OC2"),
    type="error",
    check=check,
)
