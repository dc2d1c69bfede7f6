"""SSDA903 rule 117 (error): Date of decision that a child should/should no longer be placed for adoption is beyond the current collection year or after the child ceased to be looked after.

Flags PlacedAdoption rows whose DATE_PLACED or DATE_PLACED_CEASED is after 31 March at the end of
the collection year or after the date the child's latest episode that did not cease with X1
ceased (DEC); flags that latest episode too.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged, year_end

CODE = "117"
MESSAGE = "Date of decision that a child should/should no longer be placed for adoption is beyond the current collection year or after the child ceased to be looked after."


def check(submission: Submission) -> pl.DataFrame:
    """PlacedAdoption rows dated beyond the year or after care ended, and that last episode."""
    latest = (
        submission.tables["Episodes"]
        .lazy()
        .filter(pl.col("DECOM").is_not_null() & pl.col("REC").ne_missing(pl.lit("X1")))
        .group_by("CHILD", maintain_order=True)
        .last()
        .select("CHILD", "DEC", pl.col("ROW").alias("EP_ROW"))
    )
    end = year_end(submission.year)
    dated = submission.tables["PlacedAdoption"].lazy().join(latest, on="CHILD", how="left")
    too_late = pl.any_horizontal(
        (pl.col(c) > end) | (pl.col(c) > pl.col("DEC"))
        for c in ("DATE_PLACED", "DATE_PLACED_CEASED")
    ).fill_null(value=False)
    bad = dated.filter(too_late)
    return pl.concat(
        [
            flagged(bad, "PlacedAdoption"),
            flagged(
                bad.filter(pl.col("EP_ROW").is_not_null()).with_columns(
                    pl.col("EP_ROW").alias("ROW")
                ),
                "Episodes",
            ),
        ]
    )


RULE = Rule(
    code=CODE,
    message=MESSAGE,
    fields=("DATE_PLACED_CEASED", "DATE_PLACED", "DEC", "REC", "DECOM"),
    tables=("Episodes", "PlacedAdoption"),
    type="error",
    check=check,
)
