"""`safeguard export {903,cin,annex-a}`: write a statutory return from Safeguard's own records.

The records are read from the database into `safeguard.core.records.AuthorityRecords` (the same
plain rows the synthetic generator makes), so the return writers in `safeguard.returns` never
touch Django. Archived rows are left out, and so are rows that hang on an archived row (the
episodes of an archived child, for instance).

Every export is written into a temporary folder beside --out and moved into place only when it is
whole, so a failed export never leaves half a return. The SSDA903 and CIN census returns are then
validated exactly as `safeguard validate` would validate the files (the SSDA903 with last year's
whole return, written to `previous/`, so the cross-year rules run, and the Episodes of every
earlier year the records hold, written to `history/episodes.csv` and given as `--history`, so the
care leaver rules see care before last year's collection). Exit codes: 0 written
with no error-type issue, 1 written but the return has errors (the DfE would reject it), 2 nothing
written (bad --out, a folder that cannot be written, no records for the year).

The authority's three-digit code (the CIN census LEA, the SSDA903 LA_PERM) is the setting
SAFEGUARD_LA_CODE; its default, 999, is no council's code and marks the synthetic demo authority.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Final, NamedTuple, TextIO

import polars as pl
from django.conf import settings
from django.db import connection, models
from django.db.models import Exists, OuterRef, Q

from safeguard.core import records as plain
from safeguard.core.codes import english_la_code
from safeguard.core.records import AuthorityRecords
from safeguard.returns import validation
from safeguard.returns.annex_a import LISTS, annex_a_rows, window_start, write_annex_a
from safeguard.returns.cin.reader import UnusableCIN
from safeguard.returns.cin.writer import write_cin_xml
from safeguard.returns.engine import Result, rules_for
from safeguard.returns.ssda903.reader import UnusableInput
from safeguard.returns.ssda903.writer import build_903_history, build_903_tables, write_903_csv
from safeguard.returns.ssda903.xml import write_903_xml
from safeguard.web.casework.synth_loader import MODELS

EXIT_OK: Final = 0
EXIT_ERRORS: Final = 1
EXIT_UNUSABLE: Final = 2

RETURNS: Final = ("903", "cin", "annex-a")
TOP_RULES: Final = 10

# The tables each writer reads; the database is asked for these and no others.
TABLES_FOR: Final[Mapping[str, tuple[str, ...]]] = {
    "903": (
        "teams",
        "staff",
        "persons",
        "disabilities",
        "care_periods",
        "care_episodes",
        "care_reviews",
        "missing_episodes",
        "health_assessments",
        "care_outcomes",
        "care_leaver_records",
        "adoptions",
        "allocations",
    ),
    "cin": (
        "persons",
        "disabilities",
        "contacts",
        "cin_episodes",
        "assessments",
        "strategy_discussions",
        "section47s",
        "cp_plans",
        "conferences",
        "cin_plans",
    ),
    "annex-a": (
        "teams",
        "staff",
        "persons",
        "disabilities",
        "contacts",
        "cin_episodes",
        "assessments",
        "strategy_discussions",
        "section47s",
        "cp_plans",
        "conferences",
        "cin_plans",
        "visits",
        "care_periods",
        "care_episodes",
        "care_reviews",
        "missing_episodes",
        "health_assessments",
        "care_leaver_records",
        "adoptions",
        "allocations",
        "pathway_reviews",
    ),
}
RETURN_TABLES: Final = tuple(
    name for name in plain.TABLES if name in TABLES_FOR["903"] or name in TABLES_FOR["cin"]
)
"""The tables the SSDA903 and CIN census writers read (the default of `records_from_database`)."""

# Which table each foreign key column points at, so rows hanging on an archived row go too.
_REFERENCES: Final[Mapping[str, str]] = {
    "service_area_id": "service_areas",
    "team_id": "teams",
    "person_id": "persons",
    "child_id": "persons",
    "related_person_id": "persons",
    "household_id": "households",
    "contact_id": "contacts",
    "episode_id": "cin_episodes",
    "strategy_discussion_id": "strategy_discussions",
    "section47_id": "section47s",
    "plan_id": "cp_plans",
    "period_id": "care_periods",
    "worker_id": "staff",
    "personal_adviser_id": "staff",
    "author_id": "staff",
    "supervisee_id": "staff",
    "supervisor_id": "staff",
}


class ExportUnusable(Exception):
    """Nothing can be written; the message says why, in words for the person running it."""


def _record_type(table: str) -> type[NamedTuple]:
    field_type = AuthorityRecords.__dataclass_fields__[table].type
    # "tuple[Contact, ...]" (annotations are strings): the record class is named inside.
    name = str(field_type).removeprefix("tuple[").split(",")[0].strip()
    record_type: type[NamedTuple] = getattr(plain, name)
    return record_type


def _nullable(record_type: type[NamedTuple], field: str) -> bool:
    return "None" in str(record_type.__annotations__[field])


def _read_table(table: str, only: Q | None = None) -> tuple[list[Any], bool]:
    """The live rows of one table as records, and whether the table has archived rows.

    Rows are fetched with the database cursor, whose driver already gives dates and booleans
    (Django registers SQLite's converters; psycopg converts natively), so only the JSON code
    lists need converting; that skips Django's per-value converters on the hundreds of thousands
    of rows a large authority has. A table with a decimal column (teams, staff: a few hundred
    rows) goes through Django's values_list, which knows each database's decimals.
    """
    model: type[models.Model] = MODELS[table]
    record_type = _record_type(table)
    fields = record_type._fields
    by_column = {f.column: f for f in model._meta.concrete_fields}
    missing = [f for f in fields if f not in by_column]
    if missing:
        raise RuntimeError(f"{model.__name__} has no columns {missing}; records.py is out of step")
    manager = model._default_manager
    live = manager.filter(archived_at__isnull=True)
    if only is not None:
        live = live.filter(only)
    query = live.order_by("id").values_list(*fields)
    kinds = [by_column[f].get_internal_type() for f in fields]
    if "DecimalField" in kinds:
        made = list(map(record_type._make, query))
    else:
        sql, params = query.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if "JSONField" in kinds:  # a JSON list of codes in the database, a tuple in the record
            at = kinds.index("JSONField")
            loads = json.loads
            rows = [
                (*row[:at], tuple(loads(row[at]) if isinstance(row[at], str) else row[at] or ()),
                 *row[at + 1 :])
                for row in rows
            ]  # fmt: skip
        made = list(map(record_type._make, rows))
    archived = manager.filter(archived_at__isnull=False).exists()
    return made, archived


# Tables that hold people who need not be children known to the service (parents, relatives).
_PEOPLE_TABLES: Final = frozenset({"addresses", "households", "household_members", "relationships"})


def _people_with_records(wanted: set[str]) -> Q | None:
    """Persons who have a row in one of the `wanted` tables, unless a table about people in
    general is wanted: a large authority records several adults for every child, and no return
    reads them."""
    if wanted & _PEOPLE_TABLES:
        return None
    condition = Q()
    for table in sorted(wanted):
        record_fields = _record_type(table)._fields
        link = next((f for f in ("child_id", "person_id") if f in record_fields), None)
        if link is not None and table != "persons":
            rows = MODELS[table]._default_manager.filter(**{link: OuterRef("pk")})
            condition |= Q(Exists(rows))
    return condition or None


def records_from_database(tables: Iterable[str] | None = None) -> AuthorityRecords:
    """The authority's live records, for the tables named (default: those the SSDA903 and CIN
    census writers read; Annex A reads more: `TABLES_FOR["annex-a"]`).

    Archived rows are left out; so is a row whose required parent is archived (or left out in
    turn), and an optional link to an archived row (a visit's worker, say) is emptied. Persons
    are those with a row in the tables read, unless addresses, households or relationships are
    read too (then every person is).
    """
    wanted = set(RETURN_TABLES if tables is None else tables)
    unknown = wanted - set(plain.TABLES)
    if unknown:
        raise ValueError(f"unknown tables {sorted(unknown)}; known: {', '.join(plain.TABLES)}")
    loaded: dict[str, list[Any]] = {}
    changed: set[str] = set()
    for table in plain.TABLES:  # parents first, so a dropped parent is known before its children
        if table not in wanted:
            continue
        rows, archived = _read_table(
            table, _people_with_records(wanted) if table == "persons" else None
        )
        if archived:
            changed.add(table)
        record_type = _record_type(table)
        links = [
            (i, field, _REFERENCES[field])
            for i, field in enumerate(record_type._fields)
            if field in _REFERENCES
            and _REFERENCES[field] in changed
            and _REFERENCES[field] in loaded
            and _REFERENCES[field] != table
        ]
        if links:
            live = {target: {r.id for r in loaded[target]} for _, _, target in links}
            kept = []
            for row in rows:
                for i, field, target in links:
                    value = row[i]
                    if value is None or value in live[target]:
                        continue
                    if not _nullable(record_type, field):
                        break
                    row = row._replace(**{field: None})
                else:
                    kept.append(row)
            if len(kept) != len(rows):
                changed.add(table)
            rows = kept
        loaded[table] = rows
    return AuthorityRecords(**{table: tuple(rows) for table, rows in loaded.items()})


@dataclass(frozen=True)
class Written:
    """What an export wrote into its staging folder, before it is moved into place."""

    staged: Path  # the file or folder to move to --out
    summary: str  # one line: what was written
    result: Result | None = None  # the validation result (903 and CIN)
    notes: tuple[str, ...] = ()
    files: Mapping[str, str] = field(default_factory=dict)  # file name by table, as validated


def _year_label(year: int) -> str:
    return validation.collection_year_label(year)


def _check_arguments(return_name: str, year: int, out: Path, output_format: str | None) -> None:
    """Raise ExportUnusable for arguments no export can be made from; nothing is written."""
    if return_name not in RETURNS:
        raise ExportUnusable(f"unknown return {return_name!r}; choose one of {', '.join(RETURNS)}")
    if not 2000 <= year <= 2100:
        raise ExportUnusable(f"--year {year} is not a collection year like 2026 (2025/26)")
    if return_name != "903" and output_format is not None:
        raise ExportUnusable("--format is for the 903 return only (csv or xml)")
    if return_name in ("903", "cin"):
        kind = "ssda903" if return_name == "903" else "cin"
        try:
            rules_for(kind, _year_label(year))
        except ValueError as exc:
            raise ExportUnusable(f"{exc}; no return can be checked for that year") from None
    suffix = out.suffix.lower()
    wants_file = {"cin": ".xml", "annex-a": ".xlsx"}.get(return_name)
    if return_name == "903" and output_format == "xml":
        wants_file = ".xml"
    if wants_file is not None:
        if suffix != wants_file:
            raise ExportUnusable(f"--out {out}: name the file with a {wants_file} ending")
        if out.is_dir():
            raise ExportUnusable(f"--out {out} is a folder; give a {wants_file} file name")
    else:
        if suffix in (".xml", ".xlsx", ".csv"):
            raise ExportUnusable(
                f"--out {out}: a CSV return is a folder of files; give a folder name"
                + (" (or --format xml for one XML file)" if suffix == ".xml" else "")
            )
        if out.exists() and not out.is_dir():
            raise ExportUnusable(f"--out {out} is a file; give a folder for the CSV files")
        if out.is_dir() and any(out.iterdir()):
            raise ExportUnusable(
                f"--out {out} already holds files; give a new or empty folder, so no earlier "
                "return is mixed with this one"
            )


def write_903_return(
    records: AuthorityRecords, year: int, stage: Path, output_format: str | None, out: Path
) -> Written:
    """Write the SSDA903 return of `year` into `stage` (as `out` will be named), with last year's
    tables and earlier years' Episodes beside it, and validate it as written. Raises
    ExportUnusable when there is nothing to write or it cannot be read back. The returns pages'
    "check our records" runs this too, so what is checked is what would be exported."""
    la_code = settings.SAFEGUARD_LA_CODE
    tables = build_903_tables(records, year, la_code=la_code)
    if tables["Episodes"].height == 0:
        raise ExportUnusable(
            f"Safeguard holds no child looked after in {_year_label(year)} (1 April {year - 1} "
            f"to 31 March {year}); there is no SSDA903 return to write"
        )
    previous_tables = build_903_tables(records, year - 1, la_code=la_code)
    history_tables = {"Episodes": build_903_history(records, year)}
    children = tables["Header"].height
    if output_format == "xml":
        staged = stage / out.name
        write_903_xml(tables, staged)
        # The XML holds no SWEpisodes (and no DoLo); last year's tables are for the rules only.
        scratch = stage / "check"
        previous = write_903_csv(previous_tables, scratch / "previous")
        history = write_903_csv(history_tables, scratch / "history")
        current: Sequence[Path] = [staged]
        summary = f"1 XML file, {children:,} children"
    else:
        staged = stage / "return"
        current = write_903_csv(tables, staged)
        previous = write_903_csv(previous_tables, staged / "previous")
        history = write_903_csv(history_tables, staged / "history")
        summary = f"{len(current)} CSV files, last year's in previous/, "
        summary += "earlier years' Episodes in history/, "
        summary += f"{children:,} children"
    try:
        submission, result = validation.validate_903(
            current,
            previous,
            _year_label(year),
            la_code=english_la_code(la_code),
            history=history,
        )
    except UnusableInput as exc:
        raise ExportUnusable(f"the written return could not be read back: {exc}") from None
    files = {table: Path(path).name for table, path in submission.files.items()}
    return Written(staged=staged, summary=summary, result=result, files=files)


def write_cin_return(records: AuthorityRecords, year: int, stage: Path, out: Path) -> Written:
    """Write the CIN census of `year` into `stage` (as `out` will be named) and validate it as
    written. Raises ExportUnusable when there is nothing to write or it cannot be read back."""
    first, last = date(year - 1, 4, 1), date(year, 3, 31)
    children = {
        e.child_id
        for e in records.cin_episodes
        if e.referral_date <= last and (e.closure_date is None or e.closure_date >= first)
    }
    if not children:
        raise ExportUnusable(
            f"Safeguard holds no child in need in {_year_label(year)} (1 April {year - 1} to "
            f"31 March {year}); there is no CIN census to write"
        )
    staged = stage / out.name
    write_cin_xml(records, staged, year, settings.SAFEGUARD_LA_CODE)
    try:
        submission, result = validation.validate_cin(staged, _year_label(year))
    except UnusableCIN as exc:
        raise ExportUnusable(f"the written census could not be read back: {exc}") from None
    notes = []
    if submission.schema_value_errors:
        notes.append(
            f"{submission.schema_value_error_count} value(s) fail the CIN XSD's code lists or "
            f"formats; first: {submission.schema_value_errors[0]}"
        )
    return Written(
        staged=staged,
        summary=f"1 XML file, {len(children):,} children",
        result=result,
        notes=tuple(notes),
        files={"CIN census": staged.name},
    )


def _write_annex_a(records: AuthorityRecords, year: int, stage: Path, out: Path) -> Written:
    end = date(year, 3, 31)
    rows = annex_a_rows(records, end)
    if not any(rows.values()):
        raise ExportUnusable(
            f"Safeguard holds no contact, referral or child's record in the 12 months "
            f"{window_start(end):%d %B %Y} to {end:%d %B %Y}; there is no Annex A to write"
        )
    staged = stage / out.name
    write_annex_a(records, staged, end, rows=rows)
    counts = ", ".join(f"{a.number}: {len(rows[a.number]):,}" for a in LISTS)
    return Written(
        staged=staged,
        summary=(
            f"lists 1 to 11 for {window_start(end):%d %B %Y} to {end:%d %B %Y} "
            f"(rows by list {counts}; Safeguard records no early help assessments or adopters, "
            "so lists 2 and 11 have headings only)"
        ),
    )


def _summary(result: Result) -> list[str]:
    issues = result.issues
    errors = issues.filter(pl.col("type") == "error").height
    queries = issues.filter(pl.col("type") == "query").height
    lines = [
        f"Validation ({len(result.rules_run)} rules run, {len(result.rules_skipped)} skipped, "
        f"{len(result.rules_failed)} failed): {errors:,} error(s), {queries:,} query(ies)"
    ]
    if issues.height:
        top = (
            issues.group_by("rule", "type")
            .agg(pl.len().alias("count"), pl.col("message").first())
            .sort(["count", "rule"], descending=[True, False])
            .head(TOP_RULES)
        )
        lines.append("Most frequent rules:")
        for rule, kind, count, message in top.iter_rows():
            lines.append(f"  {kind:<5} {rule:<10} {count:>6,}  {message}")
    return lines


def _place(staged: Path, out: Path) -> None:
    """Move the staged file or folder to `out` in one rename (replacing an earlier file)."""
    if staged.is_dir() and out.is_dir():
        out.rmdir()  # checked empty before writing; a non-empty folder was refused
    os.replace(staged, out)


def export_command(
    *,
    return_name: str,
    year: int,
    out: Path,
    output_format: str | None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Write the return, validate it and say what was found; return the exit code."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    out = Path(out)
    try:
        _check_arguments(return_name, year, out, output_format)
        out.parent.mkdir(parents=True, exist_ok=True)
    except ExportUnusable as exc:
        print(f"safeguard export: {exc}", file=stderr)
        return EXIT_UNUSABLE
    except OSError as exc:
        print(f"safeguard export: cannot make the folder {out.parent}: {exc.strerror}", file=stderr)
        return EXIT_UNUSABLE

    started = time.monotonic()
    records = records_from_database(TABLES_FOR[return_name])
    read_seconds = time.monotonic() - started
    try:
        stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent))
    except OSError as exc:
        print(f"safeguard export: cannot write in {out.parent}: {exc.strerror}", file=stderr)
        return EXIT_UNUSABLE
    try:
        if return_name == "903":
            written = write_903_return(records, year, stage, output_format, out)
        elif return_name == "cin":
            written = write_cin_return(records, year, stage, out)
        else:
            written = _write_annex_a(records, year, stage, out)
        _place(written.staged, out)
    except ExportUnusable as exc:
        print(f"safeguard export: nothing written: {exc}", file=stderr)
        return EXIT_UNUSABLE
    except OSError as exc:
        print(f"safeguard export: nothing written to {out}: {exc.strerror or exc}", file=stderr)
        return EXIT_UNUSABLE
    finally:
        shutil.rmtree(stage, ignore_errors=True)

    title = {"903": "SSDA903 return", "cin": "CIN census", "annex-a": "Ofsted Annex A"}
    elapsed = time.monotonic() - started
    print(
        f"Wrote the {title[return_name]} for {_year_label(year)} to {out}: {written.summary} "
        f"({elapsed:.1f} s; records read in {read_seconds:.1f} s)",
        file=stdout,
    )
    for note in written.notes:
        print(f"note: {note}", file=stderr)
    if written.result is None:
        return EXIT_OK
    for line in _summary(written.result):
        print(line, file=stdout)
    if written.result.rules_failed:
        print(
            f"warning: {len(written.result.rules_failed)} rule(s) failed to run: "
            + ", ".join(f"{f.code} ({f.reason})" for f in written.result.rules_failed),
            file=stderr,
        )
    errors = written.result.issues.filter(pl.col("type") == "error").height
    if errors:
        print(
            f"The return has {errors:,} error(s) under the DfE's rules. The files are written to "
            f"{out}, but the DfE would reject them: correct the records and export again.",
            file=stderr,
        )
        return EXIT_ERRORS
    return EXIT_OK
