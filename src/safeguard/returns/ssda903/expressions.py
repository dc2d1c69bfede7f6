"""Polars building blocks the SSDA903 rules share: flagged rows, code lists and date validity.

A rule reads the reader's tables: dates are already Polars Dates, with the text as written kept
in `<column>__text`; codes are upper-cased, stripped text with blank as null.
"""

from __future__ import annotations

from typing import Final

import polars as pl

from safeguard.core.codes import SHORT_BREAK_LEGAL_STATUSES, URN_NOT_KNOWN, codes_for
from safeguard.returns.engine import ROW, Submission, flagged, year_end, year_start
from safeguard.returns.ssda903.reader import COUNCIL, PROVIDERS


def rows(submission: Submission, table: str, condition: pl.Expr) -> pl.DataFrame:
    """The rows of `table` where `condition` is true, as the engine's flag frame."""
    return flagged(submission.tables[table].lazy().filter(condition), table)


def code_invalid(column: str, codes: object, *, blank_ok: bool) -> pl.Expr:
    """True where `column` is not one of `codes` (blank counts as invalid unless `blank_ok`)."""
    valid = pl.col(column).is_in(list(codes))  # type: ignore[call-overload]
    if blank_ok:
        return pl.col(column).is_not_null() & ~valid
    return ~valid.fill_null(value=False)


def not_in_list(column: str, list_name: str, year: str, *, blank_ok: bool) -> pl.Expr:
    """True where `column` is not in the code list `list_name` for collection year `year`."""
    return code_invalid(column, codes_for(list_name, year), blank_ok=blank_ok)


def date_invalid(column: str, *, blank_ok: bool) -> pl.Expr:
    """True where `column` was written but is not a dd/mm/yyyy date (or blank, unless blank_ok)."""
    written_but_bad = pl.col(f"{column}__text").is_not_null() & pl.col(column).is_null()
    if blank_ok:
        return written_but_bad
    return pl.col(column).is_null()


def blank(column: str) -> pl.Expr:
    """True where `column` is blank (for a date: nothing written)."""
    return pl.col(column).is_null()


def with_header_dob(submission: Submission, table: str) -> pl.LazyFrame:
    """`table` with the child's Header date of birth as `HEADER_DOB` (null if not in Header)."""
    header = (
        submission.tables["Header"]
        .lazy()
        .select("CHILD", pl.col("DOB").alias("HEADER_DOB"))
        .unique("CHILD", keep="first")
    )
    return submission.tables[table].lazy().join(header, on="CHILD", how="left")


def birthday(dob: str, years: int) -> pl.Expr:
    """The date `dob` turns `years` old (29 February birthdays fall on 28 February)."""
    return pl.col(dob).dt.offset_by(f"{years}y")


def previous(column: str | pl.Expr, n: int = 1) -> pl.Expr:
    """`column` of the same child's row `n` rows earlier (null when there is none).

    Relies on the reader holding the table sorted by child then start date (reader.SORT_KEYS).
    """
    value = pl.col(column) if isinstance(column, str) else column
    same_child = pl.col("CHILD") == pl.col("CHILD").shift(n)
    return pl.when(same_child).then(value.shift(n))


def following(column: str | pl.Expr) -> pl.Expr:
    """`column` of the same child's next row (null for a child's last row); see `previous`."""
    value = pl.col(column) if isinstance(column, str) else column
    same_child = pl.col("CHILD") == pl.col("CHILD").shift(-1)
    return pl.when(same_child).then(value.shift(-1))


def given(column: str) -> pl.Expr:
    """True where `column` was written (for a date, valid or not)."""
    return pl.col(column).is_not_null()


def status_run_too_long(submission: Submission, legal_status: str, days: int) -> pl.DataFrame:
    """Flag each Episodes row of a run of `legal_status` lasting more than `days` days.

    A run is the child's consecutive episodes under that legal status, each starting the day the
    previous one ceased; an open episode counts to 31 March at the end of the collection year.
    Only children with an episode under that status are examined.
    """
    episodes = submission.tables["Episodes"].lazy()
    children = episodes.filter(pl.col("LS") == legal_status).select("CHILD").unique()
    ceased = pl.col("DEC").fill_null(year_end(submission.year))
    under = pl.col("LS") == legal_status
    continues = (
        under & (previous("LS") == legal_status) & (previous(ceased) == pl.col("DECOM"))
    ).fill_null(value=False)
    # A semi join keeps the left frame's order, so each child's rows stay adjacent and dated.
    runs = episodes.join(children, on="CHILD", how="semi", maintain_order="left").with_columns(
        (~continues).cum_sum().alias("__run")
    )
    length = ceased.max().over("__run") - pl.col("DECOM").min().over("__run")
    return flagged(runs.filter(under & (length > pl.duration(days=days))), "Episodes")


def first_episodes(submission: Submission) -> pl.LazyFrame:
    """Each child's first episode this year: the row with the earliest valid DECOM."""
    return (
        submission.tables["Episodes"]
        .lazy()
        .filter(pl.col("DECOM").is_not_null())
        .group_by("CHILD", maintain_order=True)
        .first()
    )


def differs_from_open_episode_last_year(submission: Submission, column: str) -> pl.LazyFrame:
    """Each child's first episode this year with `LAST`: `column` of the child's latest episode
    last year (by DECOM), for children whose latest episode last year was still open."""
    last = (
        submission.tables["Episodes_last"]
        .lazy()
        .filter(pl.col("DECOM").is_not_null())
        .group_by("CHILD", maintain_order=True)
        .last()
        .filter(pl.col("DEC__text").is_null())
        .select("CHILD", pl.col(column).alias("LAST"))
    )
    return first_episodes(submission).join(last, on="CHILD", how="inner")


def continuously_looked_after(submission: Submission) -> pl.LazyFrame:
    """The children (column CHILD) looked after continuously for 12 months at 31 March.

    The DfE's definition (CLA SSDA903 2021-22 validation rules, as the public validator
    csc-validator-be-903 quotes it in `add_col_to_episodes_CONTINUOUSLY_LOOKED_AFTER`): looked
    after at some time in the collection year, and no episode that starts a period of care after
    1 April (RNE S), ends one on or after 1 April (a reason ceased other than X1), or is a short
    break (V3, V4) in the year.

    An episode ending a period of care on 31 March itself breaks it. DEC is the date the episode
    ceased and the year runs 1 April to 31 March inclusive, so that child ceased to be looked after
    within the year and is not looked after at 31 March (`looked_after_at_year_end`); a child
    adopted on 31 March must have AD1 completed, which rule 187 forbids for this cohort. The
    public validator's later code ends the test at `DEC < collection_end`, contrary to the
    definition it quotes ("end after collection_start where REC isn't X1"); its earlier code had
    no upper bound, which this follows.
    """
    start, end = year_start(submission.year), year_end(submission.year)
    during = (pl.col("DECOM") <= end) & (pl.col("DEC").is_null() | (pl.col("DEC") >= start))
    enters = (pl.col("RNE") == "S") & (pl.col("DECOM") > start) & (pl.col("DECOM") <= end)
    leaves = (
        pl.col("REC").ne_missing(pl.lit("X1")) & (pl.col("DEC") >= start) & (pl.col("DEC") <= end)
    )
    short_break = pl.col("LS").is_in(list(SHORT_BREAK_LEGAL_STATUSES)) & during
    broken = (enters | leaves | short_break).fill_null(value=False)
    return (
        submission.tables["Episodes"]
        .lazy()
        .filter(pl.col("CHILD").is_not_null())
        .group_by("CHILD")
        .agg(during.fill_null(value=False).any().alias("during"), broken.any().alias("broken"))
        .filter(pl.col("during") & ~pl.col("broken"))
        .select("CHILD")
    )


def looked_after_at_year_end(submission: Submission) -> pl.LazyFrame:
    """The children (CHILD, once each) looked after at 31 March at the end of the collection year.

    A child is looked after at 31 March when an episode other than a short break (V3, V4) started
    by then and had not ceased: no DEC, or a DEC after 31 March. An episode that ceased on 31 March
    ceased within the year (the year runs 1 April to 31 March inclusive), so that child is counted
    among those who left care, as the DfE counts them, and not as looked after at 31 March. Short
    breaks are left out as the DfE leaves them out of its counts of children looked after.
    """
    end = year_end(submission.year)
    return (
        submission.tables["Episodes"]
        .lazy()
        .filter(
            (pl.col("DECOM") <= end)
            & (pl.col("DEC").is_null() | (pl.col("DEC") > end))
            & ~pl.col("LS").is_in(list(SHORT_BREAK_LEGAL_STATUSES)).fill_null(value=False)
            & pl.col("CHILD").is_not_null()
        )
        .select("CHILD")
        .unique()
    )


ADOPTION_PLACEMENTS: Final = ("A3", "A4", "A5", "A6")


def first_dated(
    submission: Submission, table: str, condition: pl.Expr, date_column: str, alias: str
) -> pl.LazyFrame:
    """Per child, the earliest `date_column` among `table`'s rows meeting `condition`
    (columns CHILD, `alias`, and `alias`_ROW: that row's number)."""
    return (
        submission.tables[table]
        .lazy()
        .filter(condition & pl.col(date_column).is_not_null())
        .sort(date_column, "ROW")
        .group_by("CHILD")
        .first()
        .select("CHILD", pl.col(date_column).alias(alias), pl.col("ROW").alias(f"{alias}_ROW"))
    )


def latest_care_start(submission: Submission) -> pl.LazyFrame:
    """Per child, the start of the latest period of care (latest DECOM with RNE S): CHILD,
    CARE_START."""
    return (
        submission.tables["Episodes"]
        .lazy()
        .filter((pl.col("RNE") == "S") & pl.col("DECOM").is_not_null())
        .group_by("CHILD")
        .agg(pl.col("DECOM").max().alias("CARE_START"))
    )


PLACEMENT_DETAILS: Final = ("PLACE", "PL_POST", "URN", "PLACE_PROVIDER")


def placement_unchanged() -> pl.Expr:
    """True where an episode's placement (type, postcode, URN, provider) equals the same child's
    previous episode's, blanks equal to blanks; null for a child's first episode."""
    return pl.when(previous("CHILD").is_not_null()).then(
        pl.all_horizontal(pl.col(c).eq_missing(previous(c)) for c in PLACEMENT_DETAILS)
    )


def legal_status_unchanged() -> pl.Expr:
    """True where an episode's legal status equals the same child's previous episode's, blanks
    equal to blanks; null for a child's first episode."""
    return pl.when(previous("CHILD").is_not_null()).then(pl.col("LS").eq_missing(previous("LS")))


def dolo_placements(submission: Submission) -> pl.LazyFrame:
    """Each DoLO with both dates paired with every episode of the child's that overlaps it.

    Columns: CHILD, ROW (the DoLo row), EPISODE_ROW and PLACE (the overlapping episode's). An
    episode overlaps when it starts on or before the DoLO ends and is open or ends on or after the
    DoLO starts.
    """
    dolo = (
        submission.tables["DoLo"]
        .lazy()
        .filter(pl.col("DOLO_START").is_not_null() & pl.col("DOLO_END").is_not_null())
        .select("CHILD", "ROW", "DOLO_START", "DOLO_END")
    )
    episodes = (
        submission.tables["Episodes"]
        .lazy()
        .filter(pl.col("DECOM").is_not_null())
        .select("CHILD", pl.col("ROW").alias("EPISODE_ROW"), "DECOM", "DEC", "PLACE")
    )
    return (
        dolo.join(episodes, on="CHILD", how="inner")
        .filter(
            (pl.col("DECOM") <= pl.col("DOLO_END"))
            & (pl.col("DEC").is_null() | (pl.col("DEC") >= pl.col("DOLO_START")))
        )
        .select("CHILD", "ROW", "EPISODE_ROW", "PLACE")
    )


def placed_adoption_with_last_year(submission: Submission) -> pl.LazyFrame:
    """This year's PlacedAdoption rows joined to the same child's rows last year: DATE_PLACED_LAST
    (a date), DATE_PLACED_LAST_TEXT and CEASED_LAST_TEXT (as written) and REASON_LAST."""
    last = (
        submission.tables["PlacedAdoption_last"]
        .lazy()
        .select(
            "CHILD",
            pl.col("DATE_PLACED").alias("DATE_PLACED_LAST"),
            pl.col("DATE_PLACED__text").alias("DATE_PLACED_LAST_TEXT"),
            pl.col("DATE_PLACED_CEASED__text").alias("CEASED_LAST_TEXT"),
            pl.col("REASON_PLACED_CEASED").alias("REASON_LAST"),
        )
    )
    return submission.tables["PlacedAdoption"].lazy().join(last, on="CHILD", how="inner")


def lacks_column(submission: Submission, column: str, *tables: str) -> bool:
    """True if any of `tables` has no `column` (an optional column the file did not carry)."""
    return any(column not in submission.tables[table].columns for table in tables)


def no_rows(submission: Submission, table: str) -> pl.DataFrame:
    """The empty flag frame for `table`: what a rule returns when it has nothing to check."""
    return flagged(submission.tables[table].clear(), table)


def miles(column: str) -> pl.Expr:
    """`column` (a placement distance as written) as a number of miles; null if not a number."""
    return pl.col(column).cast(pl.Float64, strict=False)


def first_episode_with_open_last_year(submission: Submission, *columns: str) -> pl.LazyFrame:
    """Each child's first episode this year (earliest DECOM) with `<column>_LAST` for each of
    `columns`: the values of the child's latest episode last year (by DECOM), for children whose
    latest episode last year was still open (no date ceased written)."""
    last = (
        submission.tables["Episodes_last"]
        .lazy()
        .filter(pl.col("DECOM").is_not_null())
        .group_by("CHILD", maintain_order=True)
        .last()
        .filter(pl.col("DEC__text").is_null())
        .select("CHILD", *[pl.col(c).alias(f"{c}_LAST") for c in columns])
    )
    return first_episodes(submission).join(last, on="CHILD", how="inner")


def distances_differ(column: str, other: str) -> pl.Expr:
    """True where the placement distances `column` and `other` (as written) are both numbers and
    0.2 miles or more apart; rounded first so 12.7 and 12.5 are 0.2 apart, not 0.1999..."""
    return (miles(column) - miles(other)).abs().round(6) >= 0.2


def ad1_date_after_adoption_placement(submission: Submission, column: str) -> pl.DataFrame:
    """AD1 rows whose `column` date is after the child's first placement for adoption began.

    Flags the AD1 row and that first adoption placement (A3-A6, earliest DECOM) in Episodes.
    """
    late = (
        submission.tables["AD1"]
        .lazy()
        .filter(pl.col(column).is_not_null())
        .join(
            first_dated(
                submission,
                "Episodes",
                pl.col("PLACE").is_in(ADOPTION_PLACEMENTS),
                "DECOM",
                "PLACED_ON",
            ),
            on="CHILD",
            how="inner",
        )
        .filter(pl.col(column) > pl.col("PLACED_ON"))
    )
    return pl.concat(
        [
            flagged(late, "AD1"),
            flagged(late.select("CHILD", pl.col("PLACED_ON_ROW").alias(ROW)).unique(), "Episodes"),
        ]
    )


def uasc_status(submission: Submission, suffix: str = "") -> pl.LazyFrame | None:
    """Each child's UASC status ("1" or "0") in the year of the tables with `suffix` ("" this year,
    "_last" last year): the Header's UASC column where the Header carries one, as the DfE derives
    it; otherwise "1" for a child with a row in that year's UASC table, as the public validator
    derives it for CSV returns. Columns CHILD, UASC. None when neither table is there."""
    header = submission.tables.get(f"Header{suffix}")
    if header is not None and "UASC" in header.columns:
        return header.lazy().select("CHILD", "UASC").unique("CHILD", keep="first")
    uasc = submission.tables.get(f"UASC{suffix}")
    if uasc is None:
        return None
    return uasc.lazy().select("CHILD", pl.lit("1").alias("UASC")).unique("CHILD")


def ever_uasc(submission: Submission) -> pl.LazyFrame:
    """The children (CHILD) identified as UASC this year or last, by any table given: a Header
    UASC of 1 or a row in a UASC table."""
    found = [pl.LazyFrame(schema={"CHILD": pl.String})]
    for suffix in ("", "_last"):
        header = submission.tables.get(f"Header{suffix}")
        if header is not None and "UASC" in header.columns:
            found.append(header.lazy().filter(pl.col("UASC") == "1").select("CHILD"))
        uasc = submission.tables.get(f"UASC{suffix}")
        if uasc is not None:
            found.append(uasc.lazy().select("CHILD"))
    return pl.concat(found).unique()


def is_council(column: str, submission: Submission) -> pl.Expr:
    """True where LA code `column` is the council's own (either form; needs the COUNCIL table)."""
    council = submission.tables[COUNCIL].row(0, named=True)
    return pl.col(column).is_in([council["CODE"], council["ONS_CODE"]]).fill_null(value=False)


def placed_with_provider(submission: Submission) -> pl.LazyFrame:
    """Episodes with an Ofsted URN (other than the placeholder) found in the provider table, with
    the provider's PLACE_CODES, PROVIDER_CODES, POSTCODE (as `PROVIDER_POSTCODE`), REG_END and
    LA_CODE (as `PROVIDER_LA`)."""
    providers = (
        submission.tables[PROVIDERS]
        .lazy()
        .filter(pl.col("URN").is_not_null())
        .unique("URN", keep="first")
        .select(
            "URN",
            "PLACE_CODES",
            "PROVIDER_CODES",
            pl.col("POSTCODE").alias("PROVIDER_POSTCODE"),
            "REG_END",
            pl.col("LA_CODE").alias("PROVIDER_LA"),
        )
    )
    return (
        submission.tables["Episodes"]
        .lazy()
        .filter(pl.col("URN").is_not_null() & (pl.col("URN") != URN_NOT_KNOWN))
        .join(providers, on="URN", how="inner", maintain_order="left")
    )


POSTCODE_PATTERN: Final = r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$"
"""A full UK postcode (outward code, optional space, inward code), in capitals."""
