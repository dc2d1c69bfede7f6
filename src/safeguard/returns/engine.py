"""The validation engine shared by every return (SSDA903 now, the CIN census later).

A rule is one DfE validation rule: its code, the DfE's exact message, the fields and tables it
reads, whether it is an error or a query, and a function over the return's tables. Rules live one
per file in `safeguard/returns/rules/<return>/y<YYYY>_<YY>/rule_<code>.py`, each module exposing
`RULE`. A year's folder holds only what changed that year: a rule added or changed is a new
`RULE`; a rule the DfE withdrew is `RULE = Deleted("<code>")`. The rules for a collection year
are every earlier folder's rules overlaid in year order.

A rule's function receives the return (anything with `tables` and `year`, see `Submission`) and
returns the rows it flags as a frame with columns `table` (str), `row` (int, the row number the
reader gave the row) and `child` (str, may be null); `flagged()` builds that frame. The engine
never hides a rule: each is run, skipped (a table it needs is absent, listed with the tables) or
failed (it raised, listed with the reason). A return's package may ship the DfE catalogue of its
rules (`<return>/catalogue.csv`, see `catalogue_for`); the catalogue rules of the year that have no
registered rule are then reported as not implemented, so every catalogue rule is accounted for.
"""

from __future__ import annotations

import csv
import importlib
import io
import pkgutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Final, Literal, Protocol

import polars as pl

RuleType = Literal["error", "query"]

ROW: Final = "ROW"
"""Name of the row-number column every reader adds to every table."""

ISSUE_SCHEMA: Final = {
    "table": pl.String,
    "row": pl.Int64,
    "child": pl.String,
}


class Submission(Protocol):
    """What a rule reads: the return's tables by name and its collection year ("2025/26")."""

    @property
    def tables(self) -> Mapping[str, pl.DataFrame]: ...

    @property
    def year(self) -> str: ...


def year_start(year: str) -> date:
    """1 April at the start of collection year `year` ("2025/26" -> 2025-04-01)."""
    return date(int(year[:4]), 4, 1)


def year_end(year: str) -> date:
    """31 March at the end of collection year `year` ("2025/26" -> 2026-03-31)."""
    return date(int(year[:4]) + 1, 3, 31)


Check = Callable[[Submission], pl.DataFrame]


@dataclass(frozen=True)
class Rule:
    """One DfE validation rule as the DfE publishes it, with the function that applies it.

    `tables` are the tables the rule needs (a rule whose table is absent is skipped); `fields`
    are the affected fields the DfE names, whose values are reported with each issue. `columns`
    ("Episodes.PL_LA") are optional columns the rule needs, such as those the DfE derives from
    postcodes, which a council's files may not carry: without one the rule is skipped, never
    passed as if it had checked something.
    """

    code: str
    message: str
    fields: tuple[str, ...]
    tables: tuple[str, ...]
    type: RuleType
    check: Check = field(repr=False, compare=False)
    columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Deleted:
    """Marker in a year's folder: the DfE withdrew rule `code` from that year on."""

    code: str


@dataclass(frozen=True)
class CatalogueEntry:
    """One rule of the DfE catalogue for a year: code, exact message, affected fields, tables."""

    code: str
    message: str
    fields: tuple[str, ...]
    tables: tuple[str, ...]


@dataclass(frozen=True)
class Skipped:
    """A rule not run, and what it needed that the return did not have."""

    code: str
    missing_tables: tuple[str, ...]
    missing_columns: tuple[str, ...] = ()

    @property
    def needs(self) -> str:
        """What was missing, in words: "Episodes_last, the PL_LA column of Episodes"."""
        columns = (
            f"the {column} column of {table}"
            for table, column in (c.split(".", 1) for c in self.missing_columns)
        )
        return ", ".join((*self.missing_tables, *columns))


@dataclass(frozen=True)
class Failed:
    code: str
    reason: str


@dataclass(frozen=True)
class Result:
    """What a validation run did: the codes run, skipped and failed, the catalogue rules of the
    year with no implementation (`rules_not_implemented`), and the issues found.

    `issues` has one row per issue: rule, type, child, table, row, fields (list of str), values
    (list of str, aligned with fields; null when blank) and message.
    """

    year: str
    rules_run: tuple[str, ...]
    rules_skipped: tuple[Skipped, ...]
    rules_failed: tuple[Failed, ...]
    issues: pl.DataFrame
    rules_not_implemented: tuple[CatalogueEntry, ...] = ()


def flagged(frame: pl.DataFrame | pl.LazyFrame, table: str, child: str = "CHILD") -> pl.DataFrame:
    """The flag frame for `frame`'s rows of `table`: columns table, row, child."""
    lazy = frame.lazy() if isinstance(frame, pl.DataFrame) else frame
    return lazy.select(
        pl.lit(table, dtype=pl.String).alias("table"),
        pl.col(ROW).cast(pl.Int64).alias("row"),
        pl.col(child).cast(pl.String).alias("child"),
    ).collect()


def _sort_key(code: str) -> tuple[int, str]:
    digits = "".join(ch for ch in code if ch.isdigit())
    return (int(digits) if digits and code[0].isdigit() else 10**9, code)


def _year_folder(year: str) -> str:
    return f"y{year[:4]}_{year[5:]}"


RULES_PACKAGE: Final = "safeguard.returns.rules"


@cache
def rules_for(return_name: str, year: str, package_root: str = RULES_PACKAGE) -> tuple[Rule, ...]:
    """Every rule in force for `return_name` ("ssda903") in collection year `year` ("2025/26").

    Built from `<package_root>.<return_name>.y*` folders up to and including `year`, each later
    folder overriding or deleting earlier rules. Raises ValueError for a year before the first
    folder or after the last: a year's rules are only claimed once its folder exists, since the
    DfE changes messages and rules every year.
    """
    package = importlib.import_module(f"{package_root}.{return_name}")
    folders = sorted(
        info.name
        for info in pkgutil.iter_modules(package.__path__)
        if info.ispkg and info.name.startswith("y")
    )
    wanted = _year_folder(year)
    in_force = [name for name in folders if name <= wanted]
    if not in_force or wanted > folders[-1]:
        held = ", ".join(f"{name[1:5]}/{name[6:]}" for name in folders) or "none"
        raise ValueError(f"no {return_name} rules for collection year {year}; years held: {held}")
    rules: dict[str, Rule] = {}
    for name in in_force:
        folder = importlib.import_module(f"{package.__name__}.{name}")
        for info in pkgutil.iter_modules(folder.__path__):
            if not info.name.startswith("rule_"):
                continue
            module = importlib.import_module(f"{folder.__name__}.{info.name}")
            entry = module.RULE
            if isinstance(entry, Deleted):
                rules.pop(entry.code, None)
            elif isinstance(entry, Rule):
                rules[entry.code] = entry
            else:
                raise TypeError(f"{module.__name__}.RULE is neither a Rule nor Deleted")
    return tuple(sorted(rules.values(), key=lambda r: _sort_key(r.code)))


CATALOGUE_FILE: Final = "catalogue.csv"


@cache
def catalogue_for(
    return_name: str, year: str, package_root: str = RULES_PACKAGE
) -> tuple[CatalogueEntry, ...]:
    """The DfE catalogue of `return_name`'s rules for collection year `year`, in code order.

    Read from `<package_root>.<return_name>/catalogue.csv` (columns collection_year, code, message,
    affected_fields, tables; fields and tables separated by ";"; lines starting "#" are comments).
    Empty when the package ships no catalogue or the catalogue has no rows for the year.
    """
    source = resources.files(f"{package_root}.{return_name}").joinpath(CATALOGUE_FILE)
    if not source.is_file():
        return ()
    text = source.read_text(encoding="utf-8")
    lines = (line for line in io.StringIO(text) if not line.startswith("#"))
    entries = [
        CatalogueEntry(
            code=row["code"],
            message=row["message"],
            fields=tuple(f for f in row["affected_fields"].split(";") if f),
            tables=tuple(t for t in row["tables"].split(";") if t),
        )
        for row in csv.DictReader(lines)
        if row["collection_year"] == year
    ]
    return tuple(sorted(entries, key=lambda e: _sort_key(e.code)))


def _values(
    flags: pl.DataFrame, table: pl.DataFrame, fields: Sequence[str]
) -> tuple[list[str], pl.DataFrame]:
    """Attach the affected fields' values (as written in the file) to `flags` of one table."""
    present = [f for f in dict.fromkeys(fields) if f in table.columns]
    if not present:
        return present, flags.with_columns(
            pl.lit([], dtype=pl.List(pl.String)).alias("fields"),
            pl.lit([], dtype=pl.List(pl.String)).alias("values"),
        )
    # Dates are reported as the file wrote them (the reader keeps the text in `<field>__text`).
    source = table.select(
        pl.col(ROW).cast(pl.Int64).alias("row"),
        *[
            (pl.col(f"{f}__text") if f"{f}__text" in table.columns else pl.col(f))
            .cast(pl.String)
            .alias(f"__v{i}")
            for i, f in enumerate(present)
        ],
    )
    joined = flags.join(source, on="row", how="left")
    return present, joined.with_columns(
        pl.lit(present, dtype=pl.List(pl.String)).alias("fields"),
        pl.concat_list([f"__v{i}" for i in range(len(present))]).alias("values"),
    ).drop([f"__v{i}" for i in range(len(present))])


_EMPTY_ISSUES: Final = pl.DataFrame(
    schema={
        "rule": pl.String,
        "type": pl.String,
        "child": pl.String,
        "table": pl.String,
        "row": pl.Int64,
        "fields": pl.List(pl.String),
        "values": pl.List(pl.String),
        "message": pl.String,
    }
)


def run_rule(rule: Rule, submission: Submission) -> pl.DataFrame:
    """Apply one rule and return its issues (the engine's issue columns). May raise."""
    flags = rule.check(submission)
    if set(ISSUE_SCHEMA) - set(flags.columns):
        raise TypeError(f"rule {rule.code} returned columns {flags.columns}, not table/row/child")
    # Most rules flag nothing on a sound return: answer those without another Polars query, and
    # the rest with one (each query costs a fixed ~0.3 ms, a tenth of a second over 300 rules).
    if flags.is_empty():
        return _EMPTY_ISSUES
    flags = (
        flags.lazy()
        .select([pl.col(name).cast(dtype) for name, dtype in ISSUE_SCHEMA.items()])
        .unique(maintain_order=True)
        .collect()
    )
    parts = []
    for (table_name,), part in flags.group_by("table", maintain_order=True):
        table = submission.tables.get(str(table_name))
        if table is None:
            raise KeyError(f"rule {rule.code} flagged rows of table {table_name}, which is absent")
        _, with_values = _values(part, table, rule.fields)
        parts.append(with_values)
    issues = pl.concat(parts, how="vertical").sort(["table", "row"])
    return issues.select(
        pl.lit(rule.code, dtype=pl.String).alias("rule"),
        pl.lit(rule.type, dtype=pl.String).alias("type"),
        "child",
        "table",
        "row",
        "fields",
        "values",
        pl.lit(rule.message, dtype=pl.String).alias("message"),
    )


def _has_column(submission: Submission, table: str, column: str) -> bool:
    return table in submission.tables and column in submission.tables[table].columns


def validate(
    submission: Submission, rules: Sequence[Rule], catalogue: Sequence[CatalogueEntry] = ()
) -> Result:
    """Run `rules` over `submission`: each is run, skipped (table absent) or failed (raised).

    The `catalogue` entries with no rule among `rules` are reported as not implemented.
    """
    run: list[str] = []
    skipped: list[Skipped] = []
    failed: list[Failed] = []
    found: list[pl.DataFrame] = []
    for rule in rules:
        missing = tuple(t for t in rule.tables if t not in submission.tables)
        missing_columns = tuple(
            c for c in rule.columns if not _has_column(submission, *c.split(".", 1))
        )
        if missing or missing_columns:
            skipped.append(Skipped(rule.code, missing, missing_columns))
            continue
        try:
            issues = run_rule(rule, submission)
        except Exception as exc:  # a crashing rule is reported, never hidden
            failed.append(Failed(rule.code, f"{type(exc).__name__}: {exc}"))
            continue
        run.append(rule.code)
        if not issues.is_empty():
            found.append(issues)
    issues = pl.concat(found, how="vertical") if found else _EMPTY_ISSUES
    implemented = {rule.code for rule in rules}
    return Result(
        year=submission.year,
        rules_run=tuple(run),
        rules_skipped=tuple(skipped),
        rules_failed=tuple(failed),
        issues=issues,
        rules_not_implemented=tuple(e for e in catalogue if e.code not in implemented),
    )
