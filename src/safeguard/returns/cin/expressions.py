"""Polars building blocks the CIN census rules share: flagged rows and code lists.

A rule reads the reader's tables: dates are already Polars Dates (text as written in
`<column>__text`); codes are stripped text with blank as null; every row carries LAchildID.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from safeguard.core.codes import codes_for
from safeguard.returns.cin.reader import CHILD_ID
from safeguard.returns.engine import ROW, Submission, flagged, year_end, year_start


def rows(submission: Submission, table: str, condition: pl.Expr) -> pl.DataFrame:
    """The rows of `table` where `condition` is true, as the engine's flag frame."""
    return flagged(submission.tables[table].lazy().filter(condition), table, child=CHILD_ID)


def not_in_list(column: str, list_name: str, year: str, *, blank_ok: bool) -> pl.Expr:
    """True where `column` is not in code list `list_name` for `year` (blank is invalid unless
    `blank_ok`)."""
    valid = pl.col(column).is_in(list(codes_for(list_name, year)))
    if blank_ok:
        return pl.col(column).is_not_null() & ~valid
    return ~valid.fill_null(value=False)


def episode_rows(submission: Submission, table: str, condition: pl.Expr) -> pl.DataFrame:
    """The rows of `table` where `condition` is true, each row seeing its CIN episode's
    CINdetails columns (CINreferralDate, CINclosureDate, ...) with the suffix `_cin`."""
    episodes = submission.tables["CINdetails"].lazy().drop(ROW)
    joined = (
        submission.tables[table]
        .lazy()
        .join(episodes, on=[CHILD_ID, "CINdetailsID"], how="inner", suffix="_cin")
        .filter(condition)
        .unique(subset=ROW, maintain_order=True)
    )
    return flagged(joined, table, child=CHILD_ID)


def child_rows(submission: Submission, table: str, condition: pl.Expr) -> pl.DataFrame:
    """The rows of `table` where `condition` is true, each row seeing its child's
    ChildIdentifiers columns (PersonBirthDate, PersonDeathDate, ...)."""
    identifiers = (
        submission.tables["ChildIdentifiers"]
        .lazy()
        .select(CHILD_ID, "PersonBirthDate", "ExpectedPersonBirthDate", "PersonDeathDate")
    )
    joined = (
        submission.tables[table]
        .lazy()
        .join(identifiers, on=CHILD_ID, how="inner")
        .filter(condition)
        .unique(subset=ROW, maintain_order=True)
    )
    return flagged(joined, table, child=CHILD_ID)


def outside_year(column: str, year: str) -> pl.Expr:
    """True where date `column` is present and outside collection year `year` (1 April to the
    31 March reference date)."""
    return pl.col(column).is_not_null() & ~pl.col(column).is_between(
        year_start(year), year_end(year)
    )


def open_twice(end: str) -> pl.Expr:
    """True on rows with no `end` date where the child has more than one such row in the table."""
    is_open = pl.col(end).is_null()
    return is_open & (is_open.sum().over(CHILD_ID) > 1)


def _episode_keys(submission: Submission, table: str, condition: pl.Expr) -> pl.LazyFrame:
    return submission.tables[table].lazy().filter(condition).select(CHILD_ID, "CINdetailsID")


def episodes_with(
    submission: Submission, condition: pl.Expr, table: str, row_condition: pl.Expr
) -> pl.DataFrame:
    """The CINdetails rows where `condition` is true whose episode has a row of `table` where
    `row_condition` is true."""
    keys = _episode_keys(submission, table, row_condition)
    episodes = submission.tables["CINdetails"].lazy().filter(condition)
    joined = episodes.join(keys, on=[CHILD_ID, "CINdetailsID"], how="semi")
    return flagged(joined, "CINdetails", child=CHILD_ID)


def episodes_without(
    submission: Submission, condition: pl.Expr, table: str, row_condition: pl.Expr
) -> pl.DataFrame:
    """The CINdetails rows where `condition` is true whose episode has no row of `table` where
    `row_condition` is true."""
    keys = _episode_keys(submission, table, row_condition)
    episodes = submission.tables["CINdetails"].lazy().filter(condition)
    joined = episodes.join(keys, on=[CHILD_ID, "CINdetailsID"], how="anti")
    return flagged(joined, "CINdetails", child=CHILD_ID)


def weekend(column: str) -> pl.Expr:
    """True where date `column` is a Saturday or Sunday."""
    return pl.col(column).dt.weekday() >= 6


def starts_within(
    submission: Submission,
    table: str,
    start: str,
    periods: str,
    period_start: str,
    period_end: str,
    *,
    open_runs_on: pl.Expr,
    end_inclusive: bool,
    within: Sequence[str] = (CHILD_ID,),
    flag_periods: bool = False,
) -> pl.DataFrame:
    """The rows of `table` whose `start` falls within a period of `periods` (another row, when
    the tables are the same) of the same child, or the same group of `within` columns such as one
    CIN episode: on or after its `period_start` and before (or, if `end_inclusive`, on) its
    `period_end`. A period with no end runs to the reference date when `open_runs_on` is true for
    it, else it is not compared. With `flag_periods`, the periods' rows are flagged instead."""
    spans = (
        submission.tables[periods]
        .lazy()
        .filter(pl.col(period_start).is_not_null())
        .select(
            *within,
            pl.col(ROW).alias("_period_row"),
            pl.col(period_start).alias("_period_start"),
            pl.when(pl.col(period_end).is_null() & open_runs_on)
            .then(pl.lit(year_end(submission.year)))
            .otherwise(pl.col(period_end))
            .alias("_period_end"),
        )
    )
    before_end = (
        pl.col(start) <= pl.col("_period_end")
        if end_inclusive
        else pl.col(start) < pl.col("_period_end")
    )
    other_row = pl.col(ROW) != pl.col("_period_row") if periods == table else pl.lit(value=True)
    pairs = (
        submission.tables[table]
        .lazy()
        .join(spans, on=list(within), how="inner")
        .filter(other_row & (pl.col(start) >= pl.col("_period_start")) & before_end)
    )
    if flag_periods:
        hit = pairs.select(pl.col("_period_row").alias(ROW))
        found = submission.tables[periods].lazy().join(hit, on=ROW, how="semi")
        return flagged(found, periods, child=CHILD_ID)
    return flagged(pairs.unique(subset=ROW, maintain_order=True), table, child=CHILD_ID)


def starts_inside_another(
    submission: Submission,
    table: str,
    start: str,
    end: str,
    *,
    open_runs_on: pl.Expr,
    end_inclusive: bool,
    within: Sequence[str] = (CHILD_ID,),
) -> pl.DataFrame:
    """The rows of `table` whose `start` falls within another row of the same child (or group of
    `within` columns), from that row's `start` to its `end`: see `starts_within`."""
    return starts_within(
        submission,
        table,
        start,
        table,
        start,
        end,
        open_runs_on=open_runs_on,
        end_inclusive=end_inclusive,
        within=within,
    )


def whole_return(submission: Submission, *, raised: bool) -> pl.DataFrame:
    """An issue about the return as a whole (a rule the DfE raises at LA level): the Header row,
    with no child, when `raised`; no rows otherwise."""
    header = (
        submission.tables["Header"].lazy().with_columns(pl.lit(None, pl.String).alias(CHILD_ID))
    )
    return flagged(header if raised else header.head(0), "Header", child=CHILD_ID)


def in_year(column: str, year: str) -> pl.Expr:
    """True where date `column` falls within collection year `year` (1 April to 31 March)."""
    return pl.col(column).is_between(year_start(year), year_end(year))
