"""Read an SSDA903 return from CSV files into return-shaped Polars tables, parsing values once.

Each file is recognised by its columns, whatever it is called (the tables and columns are those of
shared/specs/ssda903.md). Input is tolerated as councils' case systems write it: UTF-8 with or
without a byte-order mark, or Windows-1252; blank lines; spaces around headers and values; codes
in any case (code columns are upper-cased; CHILD and SW_ID are identifiers and kept as written).
Columns the table does not define are dropped. A path ending `.xml` is read as the SSDA903 XML
(`xml.py`), which gives every table but SWEpisodes and DoLo; their CSV files may be given beside it.

Every table gets:
- `ROW`: the line number in the file as given, counting the header as line 1, so the first data
  row is 2 (what a spreadsheet shows). Blank lines are counted but not returned as rows. A quoted
  value spanning lines would shift later numbers; SSDA903 files have none.
- each date column (dd/mm/yyyy, as the DfE files use) parsed once into a Polars Date; a value
  that is not a real date becomes null, and the text as written is kept in `<column>__text` so
  "not a valid date" rules and the report can see it.
- every other column as text, stripped, blank as null.
- Episodes, Missing, SWEpisodes, PlacedAdoption and DoLo sorted by child, then start date (blank last),
  then row (`SORT_KEYS`), so rules read a child's rows in date order; other tables keep file order.

Previous-year files (the `previous` argument) become the same tables with a `_last` suffix.

Earlier years' Episodes (the `history` argument: any number of Episodes files, each of an earlier
collection year or one holding many years) become one table, `Episodes_history` (HISTORY), typed
as Episodes are and sorted the same way, with a `FILE` column naming each row's file beside its
`ROW` line. The DfE's tool sees only this year and last, so rules 1000, 1001, 1002 and 199 say
they may flag a child whose care ended earlier; given the earlier years, they look at them too.

The collection year is the one given, or else the collection year (1 April to 31 March) of the
latest date in the current year's Episodes (DECOM, DEC), Reviews (REVIEW), Missing (MIS_START,
MIS_END) and SWEpisodes (SW_DECOM, SW_DEC): the return's own activity dates. A mistyped future date
would move it, so the report always says which year it used and `--year` overrides it.

Input that cannot be used (larger than MAX_FILE_BYTES, empty, binary or undecodable, not CSV, unknown columns, missing
required columns, the same table twice) raises `UnusableInput` naming the file and why.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Final

import polars as pl

from safeguard.core.codes import ENGLISH_LA_CODES, collection_year, english_la_code
from safeguard.returns.engine import ROW

TABLES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "Header": ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
        "Episodes": (
            "CHILD",
            "DECOM",
            "RNE",
            "LS",
            "CIN",
            "PLACE",
            "PLACE_PROVIDER",
            "DEC",
            "REC",
            "REASON_PLACE_CHANGE",
            "HOME_POST",
            "PL_POST",
            "URN",
        ),
        "Reviews": ("CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
        "UASC": ("CHILD", "SEX", "DOB", "DUC"),
        "OC2": (
            "CHILD",
            "DOB",
            "SDQ_SCORE",
            "SDQ_REASON",
            "CONVICTED",
            "HEALTH_CHECK",
            "IMMUNISATIONS",
            "TEETH_CHECK",
            "HEALTH_ASSESSMENT",
            "SUBSTANCE_MISUSE",
            "INTERVENTION_RECEIVED",
            "INTERVENTION_OFFERED",
        ),
        "OC3": ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
        "AD1": (
            "CHILD",
            "DOB",
            "DATE_INT",
            "DATE_MATCH",
            "FOSTER_CARE",
            "NB_ADOPTR",
            "SEX_ADOPTR",
            "LS_ADOPTR",
        ),
        "PlacedAdoption": (
            "CHILD",
            "DOB",
            "DATE_PLACED",
            "DATE_PLACED_CEASED",
            "REASON_PLACED_CEASED",
        ),
        "PrevPerm": ("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"),
        "Missing": ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
        "SWEpisodes": ("CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"),
        "DoLo": ("CHILD", "DOB", "DOLO_START", "DOLO_END"),
    }
)
"""Each table's required columns (shared/specs/ssda903.md)."""

OPTIONAL_COLUMNS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        # Header may carry the derived UASC flag (rule 105); Episodes the placement location
        # fields some tools add (PL_LA, PL_LOCATION, PL_DISTANCE).
        "Header": ("UASC",),
        "Episodes": ("PL_LA", "PL_LOCATION", "PL_DISTANCE"),
    }
)

DATE_COLUMNS: Final = frozenset(
    {
        "DOB",
        "MC_DOB",
        "DECOM",
        "DEC",
        "REVIEW",
        "DUC",
        "DATE_INT",
        "DATE_MATCH",
        "DATE_PLACED",
        "DATE_PLACED_CEASED",
        "DATE_PERM",
        "MIS_START",
        "MIS_END",
        "SW_DECOM",
        "SW_DEC",
        "DOLO_START",
        "DOLO_END",
    }
)
IDENTIFIER_COLUMNS: Final = frozenset({"CHILD", "SW_ID"})
DATE_FORMAT: Final = "%d/%m/%Y"
_ACTIVITY_DATES: Final = {
    "Episodes": ("DECOM", "DEC"),
    "Reviews": ("REVIEW",),
    "Missing": ("MIS_START", "MIS_END"),
    "SWEpisodes": ("SW_DECOM", "SW_DEC"),
}
# Tables whose rules compare a child's consecutive rows are held sorted by these keys (nulls
# last), so a rule finds the previous row with a shift instead of sorting again.
SORT_KEYS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "Episodes": ("CHILD", "DECOM", ROW),
        "Missing": ("CHILD", "MIS_START", ROW),
        "SWEpisodes": ("CHILD", "SW_DECOM", ROW),
        "PlacedAdoption": ("CHILD", "DATE_PLACED", ROW),
        "DoLo": ("CHILD", "DOLO_START", ROW),
    }
)
# The whole of England's Episodes table is about 100 MB; a larger file is refused before it is
# read, so a wrong or hostile file cannot exhaust memory.
MAX_FILE_BYTES: Final = 512 * 1024**2
_LEADING_BLANK: Final = re.compile(r"\A(?:[ \t]*\r?\n)+")


HISTORY: Final = "Episodes_history"
"""The table of earlier years' Episodes (`read_903(history=...)`); absent when none are given."""
HISTORY_FILE: Final = "FILE"
"""HISTORY's column naming the file each row came from (its ROW is the line in that file)."""


class UnusableInput(Exception):
    """A file, or the set of files, cannot be read as an SSDA903 return. The message says why."""

    def __init__(self, path: Path | str | None, reason: str) -> None:
        self.path = None if path is None else str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}" if path is not None else reason)


@dataclass(frozen=True, eq=False)
class Return903:
    """An SSDA903 return as read: its tables by name (previous year's with `_last`), the
    collection year ("2025/26") and the file each table came from."""

    tables: Mapping[str, pl.DataFrame]
    year: str
    files: Mapping[str, str]
    year_inferred: bool
    rows_are_lines: bool = True
    """False when an XML file put two rows of a table on one line (a minified file): that file's
    ROW is each row's position in its table, not a line (see ssda903/xml.py)."""


def _decode(path: Path, raw: bytes) -> str:
    if b"\x00" in raw[:65536]:
        raise UnusableInput(path, "is not a CSV text file (it contains binary data)")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise UnusableInput(
            path, f"cannot be decoded as UTF-8 or Windows-1252 text (byte {exc.start})"
        ) from None


def _recognise(path: Path, columns: list[str]) -> str:
    present = set(columns)
    matches = [name for name, required in TABLES.items() if set(required) <= present]
    if matches:
        best = max(len(TABLES[name]) for name in matches)
        winners = [name for name in matches if len(TABLES[name]) == best]
        if len(winners) > 1:
            raise UnusableInput(path, f"its columns fit more than one table: {', '.join(winners)}")
        return winners[0]

    # No table fits: name the closest one and what it lacks, so the user can fix the file.
    def overlap(name: str) -> int:
        return len(set(TABLES[name]) & present)

    closest = max(TABLES, key=overlap)
    distinctive = set(TABLES[closest]) - {"CHILD", "DOB", "SEX"}
    if distinctive & present:
        missing = [c for c in TABLES[closest] if c not in present]
        raise UnusableInput(
            path, f"looks like the {closest} table but lacks column(s) {', '.join(missing)}"
        )
    raise UnusableInput(
        path,
        "is not a known SSDA903 table (columns "
        f"{', '.join(columns[:12])}{', ...' if len(columns) > 12 else ''})",
    )


def read_table(path: Path | str) -> tuple[str, pl.DataFrame]:
    """Read one SSDA903 CSV file: (table name, frame). Raises UnusableInput."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UnusableInput(
                path,
                f"is {size / 1024**2:,.0f} MB, larger than any SSDA903 table "
                f"(limit {MAX_FILE_BYTES // 1024**2} MB); it was not read",
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise UnusableInput(path, f"cannot be read ({exc.strerror or exc})") from None
    text = _decode(path, raw)
    leading = _LEADING_BLANK.match(text)
    skipped_lines = leading.group(0).count("\n") if leading else 0
    if leading:
        text = text[leading.end() :]
    if not text.strip():
        raise UnusableInput(path, "is empty")
    try:
        frame = pl.read_csv(
            text.encode("utf-8"),
            infer_schema=False,
            has_header=True,
            truncate_ragged_lines=False,
        )
    except (pl.exceptions.PolarsError, ValueError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise UnusableInput(path, f"is not a readable CSV file ({first})") from None
    # Polars renames a repeated header ("A_duplicated_0"), so check the header line as written.
    first_line = text.split("\n", 1)[0].rstrip("\r")
    written = next(csv.reader([first_line]), [])
    columns = [c.strip().upper() for c in written]
    if len(columns) != len(frame.columns):
        raise UnusableInput(path, "has a header line that cannot be read as CSV column names")
    duplicates = sorted({c for c in columns if columns.count(c) > 1})
    if duplicates:
        raise UnusableInput(path, f"has column(s) more than once: {', '.join(duplicates)}")
    frame.columns = columns
    table = _recognise(path, columns)
    return table, type_table(table, frame.with_row_index(ROW, offset=2 + skipped_lines))


def type_table(table: str, frame: pl.DataFrame) -> pl.DataFrame:
    """Type one table read as text: `frame` holds ROW and text columns named as the table's
    (others are dropped). Shared by the CSV and XML readers, so a return reads the same whichever
    form it came in: values stripped, blank as null, wholly blank rows dropped, dates parsed once
    (text kept), codes upper-cased, rows sorted by SORT_KEYS (see the module docstring)."""
    keep = [c for c in (*TABLES[table], *OPTIONAL_COLUMNS.get(table, ())) if c in frame.columns]
    stripped = [pl.col(c).str.strip_chars().replace("", None).alias(c) for c in keep]
    frame = frame.select(ROW, *stripped)
    frame = frame.filter(pl.any_horizontal(pl.col(c).is_not_null() for c in keep))
    exprs: list[pl.Expr] = [pl.col(ROW).cast(pl.Int64)]
    for c in keep:
        if c in DATE_COLUMNS:
            # Only dd/mm/yyyy with a four-digit year is a date: "01/01/19" is not 2019 or 0019.
            well_formed = pl.col(c).str.contains(r"^\d{1,2}/\d{1,2}/\d{4}$")
            parsed = pl.col(c).str.to_date(DATE_FORMAT, strict=False)
            exprs.append(pl.when(well_formed).then(parsed).alias(c))
            exprs.append(pl.col(c).alias(f"{c}__text"))
        elif c in IDENTIFIER_COLUMNS:
            exprs.append(pl.col(c))
        else:
            exprs.append(pl.col(c).str.to_uppercase().alias(c))
    frame = frame.select(exprs)
    if table in SORT_KEYS:
        frame = frame.sort(list(SORT_KEYS[table]), nulls_last=True)
    return frame


def _infer_year(path_hint: str, tables: Mapping[str, pl.DataFrame]) -> str:
    latest: date | None = None
    for name, columns in _ACTIVITY_DATES.items():
        frame = tables.get(name)
        if frame is None:
            continue
        for column in columns:
            value = frame.get_column(column).max()
            if isinstance(value, date) and (latest is None or value > latest):
                latest = value
    if latest is None:
        raise UnusableInput(
            path_hint, "has no episode, review or missing dates to infer the year from; give --year"
        )
    return collection_year(latest)


def _read_set(
    paths: Iterable[Path | str], suffix: str
) -> tuple[dict[str, pl.DataFrame], dict[str, str], bool]:
    """The tables of `paths` keyed `<table><suffix>`, the file of each, and whether every row's
    ROW is its line (see Return903.rows_are_lines)."""
    tables: dict[str, pl.DataFrame] = {}
    files: dict[str, str] = {}
    rows_are_lines = True
    for path in paths:
        if Path(path).suffix.lower() == ".xml":
            # An XML return holds every table but SWEpisodes and DoLo (see ssda903/xml.py); those
            # may be given as CSV files beside it. Imported here: xml.py builds on this module.
            from safeguard.returns.ssda903.xml import read_903_xml_rows

            xml_tables, lines = read_903_xml_rows(path)
            rows_are_lines = rows_are_lines and lines
            read = list(xml_tables.items())
        else:
            read = [read_table(path)]
        for name, frame in read:
            key = f"{name}{suffix}"
            if key in tables:
                raise UnusableInput(path, f"is a second {name} table (the first was {files[key]})")
            tables[key] = frame
            files[key] = str(path)
    return tables, files, rows_are_lines


def _read_history(paths: Iterable[Path | str]) -> tuple[dict[str, pl.DataFrame], dict[str, str]]:
    """HISTORY from earlier years' Episodes CSV files, each row with its FILE and ROW; nothing
    when no file is given."""
    frames: list[pl.DataFrame] = []
    names: list[str] = []
    for path in paths:
        table, frame = read_table(path)
        if table != "Episodes":
            raise UnusableInput(
                path, f"holds the {table} table; earlier years' files must be Episodes tables"
            )
        frames.append(frame.with_columns(pl.lit(str(path)).alias(HISTORY_FILE)))
        names.append(str(path))
    if not frames:
        return {}, {}
    # Files may differ in optional columns (PL_LA and the like): keep the union, blank elsewhere.
    history = pl.concat(frames, how="diagonal_relaxed").sort(
        [*SORT_KEYS["Episodes"], HISTORY_FILE], nulls_last=True
    )
    return {HISTORY: history}, {HISTORY: ", ".join(names)}


def read_903(
    paths: Iterable[Path | str],
    previous: Iterable[Path | str] = (),
    year: str | None = None,
    *,
    la_code: str | None = None,
    providers: Path | str | None = None,
    history: Iterable[Path | str] = (),
) -> Return903:
    """Read the current year's files and optionally the previous year's into a Return903.

    `year` is a collection year like "2025/26"; when None it is inferred (see module docstring).
    `history` is earlier years' Episodes files, read into HISTORY (see module docstring); the
    rules that look back further than last year read it when it is there.
    `la_code` (the council's own LA code) and `providers` (an Ofsted provider file) add the
    context tables COUNCIL and PROVIDERS that some rules need; see `context_tables`.
    """
    paths = list(paths)
    if not paths:
        raise UnusableInput(None, "no SSDA903 files were given")
    tables, files, lines = _read_set(paths, "")
    last, last_files, last_lines = _read_set(previous, "_last")
    earlier, earlier_files = _read_history(history)
    if year is None:
        year = _infer_year(", ".join(str(p) for p in paths), tables)
        inferred = True
    else:
        inferred = False
    context, context_files = context_tables(la_code, providers)
    return Return903(
        tables=MappingProxyType({**tables, **last, **earlier, **context}),
        year=year,
        files=MappingProxyType({**files, **last_files, **earlier_files, **context_files}),
        year_inferred=inferred,
        rows_are_lines=lines and last_lines,
    )


# Context a return does not hold but some rules need. Each is given to the rules as one more table,
# so a rule that needs it names it among its tables and the engine reports the rule as skipped,
# "needs <name>", when it was not given.
COUNCIL: Final = "the council's LA code"
"""Table of one row: CODE (the DfE three-digit code) and ONS_CODE of the council whose return it
is, from `read_903(la_code=...)` (either form). Rules 411, 1015 and 229 compare a placement's LA
with it."""

PROVIDERS: Final = "Provider Info"
"""The Ofsted provider table (the DfE catalogue's name for it), from `read_903(providers=PATH)`: a
CSV file with a URN column and any of PLACE_CODES and PROVIDER_CODES (the placement types and
placement providers the URN is registered for, separated by commas or semicolons), POSTCODE,
REG_END (dd/mm/yyyy, the registration's end) and LA_CODE (the provider's LA, either form). Rules
219-229 and 1008 read it."""

PROVIDER_COLUMNS: Final = ("URN", "PLACE_CODES", "PROVIDER_CODES", "POSTCODE", "REG_END", "LA_CODE")


def council_table(la_code: str) -> pl.DataFrame:
    """The COUNCIL table for `la_code` ("330" or "E08000025"). Raises UnusableInput when it is not
    an English local authority's code."""
    code = english_la_code(la_code)
    if code is None:
        raise UnusableInput(None, f"{la_code!r} is not an English local authority's LA code")
    return pl.DataFrame({ROW: [1], "CODE": [code], "ONS_CODE": [ENGLISH_LA_CODES[code][0]]})


def read_providers(path: Path | str) -> pl.DataFrame:
    """Read the Ofsted provider file for PROVIDERS (see there). Raises UnusableInput."""
    path = Path(path)
    try:
        text = _decode(path, path.read_bytes())
        frame = pl.read_csv(text.encode("utf-8"), infer_schema=False)
    except OSError as exc:
        raise UnusableInput(path, f"cannot be read ({exc.strerror or exc})") from None
    except (pl.exceptions.PolarsError, ValueError) as exc:
        raise UnusableInput(path, f"is not a readable CSV file ({exc})") from None
    frame.columns = [c.strip().upper() for c in frame.columns]
    if "URN" not in frame.columns:
        raise UnusableInput(path, "is not an Ofsted provider file: it has no URN column")
    text_of = {c: pl.col(c).str.strip_chars().replace("", None) for c in frame.columns}
    codes = {
        c: text_of[c].str.to_uppercase().str.replace_all(r"[\s;,]+", ",").str.split(",")
        for c in ("PLACE_CODES", "PROVIDER_CODES")
        if c in frame.columns
    }
    return frame.with_row_index(ROW, offset=2).select(
        pl.col(ROW).cast(pl.Int64),
        text_of["URN"].str.to_uppercase().alias("URN"),
        *[
            codes[c].alias(c) if c in codes else pl.lit(None, pl.List(pl.String)).alias(c)
            for c in ("PLACE_CODES", "PROVIDER_CODES")
        ],
        (
            text_of["POSTCODE"].str.to_uppercase().str.replace_all(" ", "")
            if "POSTCODE" in frame.columns
            else pl.lit(None, pl.String)
        ).alias("POSTCODE"),
        (
            text_of["REG_END"].str.to_date(DATE_FORMAT, strict=False)
            if "REG_END" in frame.columns
            else pl.lit(None, pl.Date)
        ).alias("REG_END"),
        (
            text_of["LA_CODE"].str.to_uppercase()
            if "LA_CODE" in frame.columns
            else pl.lit(None, pl.String)
        ).alias("LA_CODE"),
    )


def context_tables(
    la_code: str | None, providers: Path | str | None
) -> tuple[dict[str, pl.DataFrame], dict[str, str]]:
    """The COUNCIL and PROVIDERS tables for what was given, and where each came from."""
    tables: dict[str, pl.DataFrame] = {}
    files: dict[str, str] = {}
    if la_code is not None:
        tables[COUNCIL] = council_table(la_code)
        files[COUNCIL] = f"--la-code {la_code}"
    if providers is not None:
        tables[PROVIDERS] = read_providers(providers)
        files[PROVIDERS] = str(providers)
    return tables, files
