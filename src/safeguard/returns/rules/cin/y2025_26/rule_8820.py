"""CIN census rule 8820 (error): The dates on the CIN episodes for this child overlap

Flags CINdetails rows whose CINreferralDate falls within another CIN episode of the same child: on
or after its referral and before its closure, or up to the reference date if it is open and not a
referral with no further action.

The DfE allows one episode to close on the day the next is referred, so a referral on another
episode's closure date is not flagged (the public validator flags it).
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.expressions import starts_inside_another
from safeguard.returns.engine import Rule, Submission

CODE = "8820"
MESSAGE = "The dates on the CIN episodes for this child overlap"


def check(submission: Submission) -> pl.DataFrame:
    """CINdetails rows whose CINreferralDate falls within another CIN episode of the same child: on
    or after its referral and before its closure, or up to the reference date if it is open and not
    a referral with no further action."""
    return starts_inside_another(
        submission,
        "CINdetails",
        "CINreferralDate",
        "CINclosureDate",
        open_runs_on=pl.col("ReferralNFA") != "1",
        end_inclusive=False,
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("CINreferralDate", "CINclosureDate"),
    tables=("CINdetails",),
    type="error",
    check=check,
)
