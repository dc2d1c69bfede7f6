"""SSDA903 rule 231 (error): We expect that unaccompanied asylum seeking children are generally older young people. Please check the date of birth is correct. If the date of birth is correct then please provide details in a bypass request.

Flags Header rows of children identified as UASC this year (the Header's UASC of 1 or, without
that column, a UASC row: `uasc_status`) born less than 11 years before 31 March, the end of the
collection year. The DfE names the status UASC_STATUS; the Header column is UASC.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_end
from safeguard.returns.ssda903.expressions import no_rows, uasc_status

CODE = "231"
MESSAGE = "We expect that unaccompanied asylum seeking children are generally older young people. Please check the date of birth is correct. If the date of birth is correct then please provide details in a bypass request."


def check(submission: Submission) -> pl.DataFrame:
    """Header rows of UASC children under 11 at the end of the year."""
    status = uasc_status(submission)
    if status is None:
        return no_rows(submission, "Header")
    eleven_years_before = pl.lit(year_end(submission.year)).dt.offset_by("-11y")
    young = (
        submission.tables["Header"]
        .lazy()
        .drop("UASC", strict=False)
        .join(status, on="CHILD", how="inner", maintain_order="left")
        .filter((pl.col("UASC") == "1") & (pl.col("DOB") > eleven_years_before))
    )
    return flagged(young, "Header")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DOB", "UASC"),
    tables=("Header",),
    type="error",
    check=check,
)
