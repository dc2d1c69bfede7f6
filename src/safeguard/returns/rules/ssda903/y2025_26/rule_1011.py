"""SSDA903 rule 1011 (error): This child is recorded as having his/her care transferred to another local authority for the final episode and therefore should not have the care leaver information completed.

Flags the OC3 row with any care leaver item of a child whose final episode (latest DECOM) ceased
because care was transferred to another authority (E3).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "1011"
MESSAGE = "This child is recorded as having his/her care transferred to another local authority for the final episode and therefore should not have the care leaver information completed."


CARE_LEAVER = ("IN_TOUCH", "ACTIV", "ACCOM")


def check(submission: Submission) -> pl.DataFrame:
    """OC3 rows with care leaver data of children whose final episode ceased E3."""
    transferred = (
        submission.tables["Episodes"]
        .lazy()
        .filter(pl.col("DECOM").is_not_null())
        .group_by("CHILD", maintain_order=True)
        .last()
        .filter(pl.col("REC") == "E3")
        .select("CHILD")
    )
    oc3 = (
        submission.tables["OC3"]
        .lazy()
        .filter(pl.any_horizontal(pl.col(c).is_not_null() for c in CARE_LEAVER))
    )
    return flagged(oc3.join(transferred, on="CHILD", how="semi"), "OC3")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("IN_TOUCH", "ACTIV", "ACCOM"),
    tables=("Episodes", "OC3"),
    type="error",
    check=check,
)
