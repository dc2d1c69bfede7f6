"""CIN census rule 100 (error): Reference Date is incorrect

Flags the Header row whose ReferenceDate is missing or not 31 March at the end of the collection
year.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.cin.reader import CHILD_ID
from safeguard.returns.engine import Rule, Submission, flagged, year_end

CODE = "100"
MESSAGE = "Reference Date is incorrect"


def check(submission: Submission) -> pl.DataFrame:
    """the Header row whose ReferenceDate is missing or not 31 March at the end of the collection
    year."""
    return flagged(
        submission.tables["Header"]
        .lazy()
        .filter(
            pl.col("ReferenceDate").is_null()
            | (pl.col("ReferenceDate") != year_end(submission.year))
        )
        .with_columns(pl.lit(None, dtype=pl.String).alias(CHILD_ID)),
        "Header",
        child=CHILD_ID,
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("ReferenceDate",),
    tables=("Header",),
    type="error",
    check=check,
)
