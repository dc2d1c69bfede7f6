"""SSDA903 rule 3001 (error): Where care leavers information is being returned for a young person around their 17th birthday, the accommodation cannot be with their former foster carer(s).

Flags OC3 rows whose accommodation is with former foster carer(s) (ACCOM Z1 or Z2;
safeguard.core.codes.ACCOM_FORMER_FOSTER_CARERS) for young people whose 17th birthday (Header DOB)
falls in the collection year.
"""

from __future__ import annotations

import polars as pl

from safeguard.core.codes import ACCOM_FORMER_FOSTER_CARERS
from safeguard.returns.engine import Rule, Submission, flagged, year_end, year_start
from safeguard.returns.ssda903.expressions import birthday, with_header_dob

CODE = "3001"
MESSAGE = "Where care leavers information is being returned for a young person around their 17th birthday, the accommodation cannot be with their former foster carer(s)."


def check(submission: Submission) -> pl.DataFrame:
    """OC3 rows of 17-year-olds living with former foster carers."""
    seventeenth = birthday("HEADER_DOB", 17)
    oc3 = with_header_dob(submission, "OC3").filter(
        pl.col("ACCOM").is_in(list(ACCOM_FORMER_FOSTER_CARERS))
        & seventeenth.is_between(year_start(submission.year), year_end(submission.year))
    )
    return flagged(oc3, "OC3")


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("ACCOM", "REC"),
    tables=("Header", "OC3"),
    type="error",
    check=check,
)
