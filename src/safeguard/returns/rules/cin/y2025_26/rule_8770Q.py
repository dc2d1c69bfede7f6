"""CIN census rule 8770Q (query): Please check and either amend data or provide a reason: UPN is missing or reason UPN is missing or is UN1 for a child who is of school age.

Flags ChildIdentifiers rows of children of school age (born more than 6 years before the reference
date, 31 March) with an episode that was not 'no further action' (ReferralNFA 0) and neither a UPN
nor a UPNunknown reason other than UN1 ('not of school age'; safeguard.core.codes.
UPN_UNKNOWN_SCHOOL_AGE).
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import UPN_UNKNOWN_SCHOOL_AGE
from safeguard.returns.cin.reader import CHILD_ID
from safeguard.returns.engine import Rule, Submission, flagged, year_end

CODE = "8770Q"
MESSAGE = "Please check and either amend data or provide a reason: UPN is missing or reason UPN is missing or is UN1 for a child who is of school age."


def check(submission: Submission) -> pl.DataFrame:
    """School-age children with an episode past referral and no UPN or reason for its absence."""
    further = (
        submission.tables["CINdetails"]
        .lazy()
        .filter(pl.col("ReferralNFA") == "0")
        .select(CHILD_ID)
        .unique()
    )
    school_age = pl.col("PersonBirthDate") < pl.lit(year_end(submission.year)).dt.offset_by("-6y")
    children = (
        submission.tables["ChildIdentifiers"]
        .lazy()
        .filter(
            school_age
            & pl.col("UPN").is_null()
            & ~pl.col("UPNunknown").is_in(list(UPN_UNKNOWN_SCHOOL_AGE)).fill_null(value=False)
        )
        .join(further, on=CHILD_ID, how="semi", maintain_order="left")
    )
    return flagged(children, "ChildIdentifiers", child=CHILD_ID)


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("UPNunknown",),
    tables=("ChildIdentifiers", "CINdetails"),
    type="query",
    check=check,
)
