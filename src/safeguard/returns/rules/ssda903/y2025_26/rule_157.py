"""SSDA903 rule 157 (error): Child is aged 4 years or over at the beginning of the year or 16 years or under at the end of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the reason for no Strengths and Difficulties Questionnaire (SDQ) score.

Flags an OC2 row with no SDQ score and reason SDQ1 (child under 4 or over 17) for a child looked
after continuously for 12 months at 31 March (see
safeguard.returns.ssda903.expressions.continuously_looked_after) who was 4 or over on 1 April
and 16 or under on 31 March (17th birthday after 31 March), by OC2's date of birth. The public
validator takes "16 or under" as a 16th birthday on or after 31 March; this follows the message.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_end, year_start
from safeguard.returns.ssda903.expressions import birthday, continuously_looked_after

CODE = "157"
MESSAGE = (
    "Child is aged 4 years or over at the beginning of the year or 16 years or under at the end "
    "of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the "
    "reason for no Strengths and Difficulties Questionnaire (SDQ) score."
)


def check(submission: Submission) -> pl.DataFrame:
    """OC2 rows giving SDQ1 for a child of SDQ age looked after for 12 months."""
    start, end = year_start(submission.year), year_end(submission.year)
    sdq_age = (birthday("DOB", 4) <= start) & (birthday("DOB", 17) > end)
    oc2 = (
        submission.tables["OC2"]
        .lazy()
        .join(continuously_looked_after(submission), on="CHILD", how="semi", maintain_order="left")
    )
    return flagged(
        oc2.filter(sdq_age & pl.col("SDQ_SCORE").is_null() & (pl.col("SDQ_REASON") == "SDQ1")),
        "OC2",
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("SDQ_REASON", "DOB"),
    tables=("OC2", "Episodes"),
    type="error",
    check=check,
)
