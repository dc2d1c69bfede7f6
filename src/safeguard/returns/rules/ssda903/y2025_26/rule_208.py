"""SSDA903 rule 208 (error): Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil Number (UPN) already recorded for this child.

Flags a Header row whose UPN differs from the UPN in last year's Header for the same child,
except a change from unknown (blank or UN1-UN5) to a known UPN, or from blank or UN1 to UN2-UN5.
Children new this year pass.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import UPN_UNKNOWN_903
from safeguard.returns.engine import Rule, Submission, flagged

CODE = "208"
MESSAGE = "Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil Number (UPN) already recorded for this child."


def check(submission: Submission) -> pl.DataFrame:
    """Header rows whose UPN changed from last year other than from unknown to known or UN1."""
    last = (
        submission.tables["Header_last"]
        .lazy()
        .select("CHILD", pl.col("UPN").alias("UPN_LAST"))
        .unique("CHILD", keep="first")
    )
    unknown = list(UPN_UNKNOWN_903)
    now, before = pl.col("UPN"), pl.col("UPN_LAST")
    was_unknown = before.is_null() | before.is_in(unknown)
    now_unknown = now.is_null() | now.is_in(unknown)
    differs = now.ne_missing(before)
    # Allowed: unknown last year and known now; blank or UN1 last year and UN2-UN5 now.
    unknown_to_known = was_unknown & ~now_unknown
    refined_unknown = (before.is_null() | (before == "UN1")) & now.is_in(
        sorted(UPN_UNKNOWN_903 - {"UN1"})
    )
    header = submission.tables["Header"].lazy().join(last, on="CHILD", how="inner")
    return flagged(
        header.filter(differs & ~unknown_to_known & ~refined_unknown.fill_null(value=False)),
        "Header",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("UPN",),
    tables=("Header", "Header_last"),
    type="error",
    check=check,
)
