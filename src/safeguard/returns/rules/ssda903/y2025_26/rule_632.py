"""SSDA903 rule 632 (error): Date of previous permanence order not a valid value. NOTE: This rule may result in false negatives where the period of care started before the current collection year

Flags PrevPerm rows whose DATE_PERM is written but is neither a real dd/mm/yyyy date nor a date
with unknown parts written ZZ (day or month) or ZZZZ (year), each known part being valid; or is
a full date on or after the start of the period of care the row describes. Flags that period's
first episode in the return too.

The DfE's coding, as the public validator quotes it: "If provided <DATE_PERM> should be prior to
<DECOM>". The DECOM meant is the start of the period of care: a previous permanence order (an
adoption, special guardianship or child arrangements order) is what the child had before that
period began, and the DfE's note, false negatives "where the period of care started before the
current collection year", says so: such a period's start is not in the return. A child has one
PrevPerm row, describing the latest period of care, so the date is compared with the latest
episode starting a period of care (RNE S). When the period began before the year it is compared
with the child's first episode this year, which belongs to that period and starts after it began:
an order on or after that episode is certainly too late, one between the two is missed (the
DfE's false negatives). The public validator (csc-validator-be-903 `rule_632.py`) compares with
the child's first episode in the return whatever its period, so it flags a child whose special
guardianship order ended and who came back into care in the same year: the order was made after
the earlier period's first episode but before the new period began.
"""

from __future__ import annotations

import polars as pl

from safeguard.returns.engine import Rule, Submission, flagged
from safeguard.returns.ssda903.expressions import first_episodes

CODE = "632"
MESSAGE = "Date of previous permanence order not a valid value. NOTE: This rule may result in false negatives where the period of care started before the current collection year"


# A date with unknown parts: each of day, month and year is a number or Zs (ZZ/ZZ/ZZZZ).
PARTIAL = r"^(ZZ|0?[1-9]|[12][0-9]|3[01])/(ZZ|0?[1-9]|1[0-2])/(ZZZZ|[0-9]{4})$"


def _care_start(submission: Submission) -> pl.LazyFrame:
    """Per child, the start of the latest period of care in the return (the latest episode with
    RNE S), else the child's first episode: CHILD, CARE_START and EP_ROW (that episode's row)."""
    latest_start = (
        submission.tables["Episodes"]
        .lazy()
        .filter((pl.col("RNE") == "S") & pl.col("DECOM").is_not_null())
        .sort("DECOM", "ROW")
        .group_by("CHILD")
        .last()
        .select("CHILD", pl.col("DECOM").alias("CARE_START"), pl.col("ROW").alias("EP_ROW"))
    )
    first = first_episodes(submission).select(
        "CHILD", pl.col("DECOM").alias("CARE_START"), pl.col("ROW").alias("EP_ROW")
    )
    earlier_period = first.join(latest_start, on="CHILD", how="anti")
    return pl.concat([latest_start, earlier_period])


def check(submission: Submission) -> pl.DataFrame:
    """PrevPerm rows with an invalid DATE_PERM, and the episodes starting those periods of care."""
    text = pl.col("DATE_PERM__text").str.to_uppercase()
    partial = text.str.contains("Z") & text.str.contains(PARTIAL)
    well_formed = pl.col("DATE_PERM").is_not_null() | partial
    prevperm = (
        submission.tables["PrevPerm"].lazy().join(_care_start(submission), on="CHILD", how="left")
    )
    bad = prevperm.filter(
        pl.col("DATE_PERM__text").is_not_null()
        & (~well_formed | (pl.col("DATE_PERM") >= pl.col("CARE_START")).fill_null(value=False))
    )
    return pl.concat(
        [
            flagged(bad, "PrevPerm"),
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
    fields=("DATE_PERM", "DECOM"),
    tables=("Episodes", "PrevPerm"),
    type="error",
    check=check,
)
