"""SSDA903 rule 187 (error): Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of adoption or care leavers returns completed.

Flags the AD1 row with any adoption item, and the OC3 row with any care leaver item, of a child
looked after continuously for 12 months at 31 March. Looked after continuously for 12 months
means the DfE's definition (see
safeguard.returns.ssda903.expressions.continuously_looked_after).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import continuously_looked_after

CODE = "187"
MESSAGE = "Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of adoption or care leavers returns completed."


ADOPTION = (
    "DATE_INT__text",
    "DATE_MATCH__text",
    "FOSTER_CARE",
    "NB_ADOPTR",
    "SEX_ADOPTR",
    "LS_ADOPTR",
)
CARE_LEAVER = ("IN_TOUCH", "ACTIV", "ACCOM")


def check(submission: Submission) -> pl.DataFrame:
    """AD1 and OC3 rows with data for children looked after continuously for 12 months."""
    cohort = continuously_looked_after(submission)
    ad1 = submission.tables["AD1"].lazy().join(cohort, on="CHILD", how="semi")
    oc3 = submission.tables["OC3"].lazy().join(cohort, on="CHILD", how="semi")
    return pl.concat(
        [
            flagged(
                ad1.filter(pl.any_horizontal(pl.col(c).is_not_null() for c in ADOPTION)), "AD1"
            ),
            flagged(
                oc3.filter(pl.any_horizontal(pl.col(c).is_not_null() for c in CARE_LEAVER)), "OC3"
            ),
        ]
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=(
        "DATE_INT",
        "DATE_MATCH",
        "FOSTER_CARE",
        "NB_ADOPTR",
        "SEX_ADOPTR",
        "LS_ADOPTR",
        "IN_TOUCH",
        "ACTIV",
        "ACCOM",
    ),
    tables=("Episodes", "AD1", "OC3"),
    type="error",
    check=check,
)
