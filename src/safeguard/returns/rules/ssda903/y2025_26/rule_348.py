"""SSDA903 rule 348 (error): Care leaver has previously been reported as having died.

Flags an OC3 row whose young person was reported in last year's OC3 as having died (IN_TOUCH
DIED) but whose IN_TOUCH this year is not DIED (blank included). Needs last year's OC3.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged

CODE = "348"
MESSAGE = "Care leaver has previously been reported as having died."


def check(submission: Submission) -> pl.DataFrame:
    """OC3 rows of young people reported dead last year and not this year."""
    died_last_year = (
        submission.tables["OC3_last"].lazy().filter(pl.col("IN_TOUCH") == "DIED").select("CHILD")
    )
    return flagged(
        submission.tables["OC3"]
        .lazy()
        .join(died_last_year.unique(), on="CHILD", how="semi", maintain_order="left")
        .filter(pl.col("IN_TOUCH").ne_missing(pl.lit("DIED"))),
        "OC3",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("IN_TOUCH",),
    tables=("OC3", "OC3_last"),
    type="error",
    check=check,
)
