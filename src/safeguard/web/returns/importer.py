"""Import a council's SSDA903 return or CIN census into Safeguard's records, all or nothing.

`safeguard import {903,cin} PATH...` lets a council that records elsewhere use Safeguard's
timescales, audits and dashboards: children, periods and episodes of care, reviews, missing
episodes, care leaver records, yearly care outcomes (OC2), adoption milestones and adopters, CIN
episodes, assessments, plans, enquiries and conferences are created or brought up to date from
the return.

- **Idempotent.** Every record is matched by its natural key (`import_records` defines them once);
  a field is written only when the return's value differs, so importing a return twice creates and
  updates nothing the second time. A blank in the return never clears a value, the import never
  archives or removes a record the return does not mention (a return covers one year), an archived
  record matched by its key stays archived, and a child's name is never touched: returns carry no
  names, so a child the import creates is "Unnamed child <id> (imported)" until a worker records
  the name.
- **All or nothing.** Every row is mapped before anything is written; any problem (named by file,
  row and field) and nothing is written, exit 1. The writes happen in one transaction, so a failure
  part-way writes nothing either. Files that cannot be read at all are exit 2.
- **DfE rules are reported, not enforced.** The year's DfE validation runs and its error and query
  counts are reported, but they do not stop the import: a council's real return has DfE errors, and
  refusing it would keep the council's children out of Safeguard's timescales. `safeguard validate`
  lists them. Only what Safeguard itself cannot record (see `import_records`) stops an import.
- **Dry run.** `--dry-run` does the whole import in a transaction that is then rolled back, so the
  report is exact (every constraint checked) and nothing is kept.
- **Audit.** Each written row carries who and when (`Recorded`); one AuditEvent per run records the
  counts by kind, the fields updated and the ids of rows updated (never names or dates). A run that
  changes nothing writes nothing, not even an audit event.
"""

from __future__ import annotations

import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, Final, TextIO

import polars as pl
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection, models, transaction
from django.utils import timezone

from safeguard.returns.cin.reader import UnusableCIN, read_cin
from safeguard.returns.engine import Result, catalogue_for, rules_for, validate
from safeguard.returns.ssda903.reader import UnusableInput, read_903
from safeguard.returns.validation import collection_year_label
from safeguard.web.access.audit import audit_event_add
from safeguard.web.access.models import User
from safeguard.web.casework import models as cw
from safeguard.web.returns.import_records import (
    NEW_RUN,
    PLACEHOLDER_FIRST_NAME,
    Key,
    Mapped,
    Problem,
    Wanted,
    map_903,
    map_cin,
    placeholder_last_name,
)

EXIT_OK: Final = 0
EXIT_DATA: Final = 1
EXIT_UNUSABLE: Final = 2

IMPORT_ROLES: Final = frozenset({User.Role.SYSTEM, User.Role.PERFORMANCE_ANALYST})
"""Who may import a return: it writes to every child in it, so the system user (the command line)
and performance analysts, whose work the returns are."""

IMPORT_LOCK: Final = 903_0001
"""The PostgreSQL advisory lock key that keeps imports one at a time."""
BATCH: Final = 2_000
"""Rows per `executemany` call."""
CHUNK: Final = 5_000
"""Ids per `__in` query, within every database's limit on query parameters."""
SHOWN_PROBLEMS: Final = 100
SHOWN_CHILDREN: Final = 20


@dataclass(frozen=True)
class Kind:
    """How one kind of record is matched: its model, the parent it hangs from and the fields
    that, with the parent, make its natural key (the last len(local_key) items of the key)."""

    model: type[models.Model]
    label: str
    parent: str | None
    parent_field: str
    local_key: tuple[str, ...]


KINDS: Final[dict[str, Kind]] = {
    "persons": Kind(cw.Person, "children", None, "", ("la_person_id",)),
    "disabilities": Kind(cw.PersonDisability, "disabilities", "persons", "person_id", ("code",)),
    "care_periods": Kind(
        cw.LookedAfterPeriod, "periods of care", "persons", "child_id", ("start_date",)
    ),
    "care_episodes": Kind(
        cw.LookedAfterEpisode, "care episodes", "persons", "child_id", ("start_date",)
    ),
    "care_reviews": Kind(
        cw.LookedAfterReview, "looked-after reviews", "persons", "child_id", ("review_date",)
    ),
    "missing_episodes": Kind(
        cw.MissingEpisode,
        "missing or absent episodes",
        "persons",
        "child_id",
        ("start_date", "kind"),
    ),
    "care_leaver_records": Kind(
        cw.CareLeaverRecord, "care leaver records", "persons", "child_id", ("recorded_on",)
    ),
    "adoptions": Kind(
        cw.AdoptionMilestones, "adoption milestones", "persons", "child_id", ("decision_date",)
    ),
    "care_outcomes": Kind(
        cw.CareOutcomes, "yearly care outcomes (OC2)", "persons", "child_id", ("collection_year",)
    ),
    "cin_episodes": Kind(cw.CINEpisode, "CIN episodes", "persons", "child_id", ("referral_date",)),
    "assessments": Kind(
        cw.Assessment, "assessments", "cin_episodes", "episode_id", ("start_date",)
    ),
    "cin_plans": Kind(
        cw.CINPlan, "child in need plans", "cin_episodes", "episode_id", ("start_date",)
    ),
    "section47s": Kind(
        cw.Section47Enquiry, "section 47 enquiries", "cin_episodes", "episode_id", ("start_date",)
    ),
    "cp_plans": Kind(
        cw.ChildProtectionPlan,
        "child protection plans",
        "cin_episodes",
        "episode_id",
        ("start_date",),
    ),
    "conferences": Kind(
        cw.ChildProtectionConference,
        "child protection conferences",
        "cin_episodes",
        "episode_id",
        ("kind", "conference_date"),
    ),
}
ORDER: Final = {
    "SSDA903": (
        "persons",
        "care_periods",
        "care_episodes",
        "care_reviews",
        "missing_episodes",
        "care_leaver_records",
        "care_outcomes",
        "adoptions",
    ),
    "CIN census": (
        "persons",
        "disabilities",
        "cin_episodes",
        "assessments",
        "cin_plans",
        "section47s",
        "cp_plans",
        "conferences",
    ),
}


@dataclass
class ImportReport:
    """What an import did (or, in a dry run, would do), for the command's report and the audit."""

    return_name: str
    year: str = ""
    year_inferred: bool = False
    files: list[str] = field(default_factory=list)
    files_by_table: dict[str, str] = field(default_factory=dict)
    children: int = 0
    dry_run: bool = False
    unusable: str = ""
    problems: list[Problem] = field(default_factory=list)
    dfe: Result | None = None
    dfe_note: str = ""
    not_imported: list[str] = field(default_factory=list)
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    fields_updated: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    updated_ids: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_child: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(sum(self.created.values()) or sum(self.updated.values()))

    @property
    def exit_code(self) -> int:
        if self.unusable:
            return EXIT_UNUSABLE
        return EXIT_DATA if self.problems else EXIT_OK


class _Refused(Exception):
    """Problems found while writing: the transaction is rolled back and nothing is kept."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s)")


class _DryRun(Exception):
    """Raised at the end of a dry run so the transaction rolls back."""


def _chunks(ids: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _same(value: Any) -> Any:
    return value


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == []


class _Writer:
    """Matches wanted records to the rows held, and creates or updates the difference."""

    def __init__(self, mapped: Mapped, acting_user: User, report: ImportReport) -> None:
        self.mapped = mapped
        self.user = acting_user
        self.now = timezone.now()
        self.report = report
        self.ids: dict[str, dict[Key, int]] = defaultdict(dict)
        self.new: dict[str, set[int]] = defaultdict(set)
        self.problems: list[Problem] = []
        self.periods: dict[int, list[tuple[int, date, date | None]]] = defaultdict(list)

    def run(self) -> None:
        for kind in ORDER[self.mapped.return_name]:
            if kind == "care_periods":
                self.care_periods()
            elif kind == "care_reviews":
                self.resolve_review_periods()
                self.upsert(kind)
            else:
                self.upsert(kind)
        if self.problems:
            raise _Refused(self.problems)

    # ---- matching and writing ------------------------------------------------------------------

    def existing(self, kind: str, parents: Iterable[int]) -> dict[Key, models.Model]:
        """The rows held of `kind` under `parents` (pre-existing parents only), by database key.

        Only the key and the fields the return sets are loaded: enough to compare and update.
        """
        spec = KINDS[kind]
        wanted = self.mapped.kinds.get(kind, {}).values()
        fields = {name for w in wanted for name in (*w.values, *w.refs)}
        columns = ["pk", *spec.local_key, *sorted(fields)]
        held: dict[Key, models.Model] = {}
        if spec.parent is None:
            la_ids = [w.key[0] for w in wanted]
            for chunk in _chunks(la_ids):
                people = cw.Person.objects.filter(la_person_id__in=chunk).only(*columns)
                for person in people.order_by("pk"):
                    held.setdefault((person.la_person_id,), person)
            return held
        old = sorted(set(parents) - self.new[spec.parent])
        for chunk in _chunks(old):
            rows = spec.model.objects.filter(**{f"{spec.parent_field}__in": chunk})
            for row in rows.only(spec.parent_field, *columns).order_by("pk"):
                key = (getattr(row, spec.parent_field), *(getattr(row, f) for f in spec.local_key))
                held.setdefault(key, row)
        return held

    def upsert(self, kind: str) -> None:
        """Create the wanted rows of `kind` not held; update held ones whose values differ."""
        spec = KINDS[kind]
        wanted = self.mapped.kinds.get(kind, {})
        if not wanted:
            return
        n = len(spec.local_key)
        parent_of: dict[Key, int] = {}
        if spec.parent is not None:
            parent_ids = self.ids[spec.parent]
            parent_of = {key: parent_ids[key[:-n]] for key in wanted}
        held = self.existing(kind, set(parent_of.values()))
        creating: list[tuple[Wanted, dict[str, Any]]] = []
        updating: list[tuple[Wanted, models.Model]] = []
        changed_fields: set[str] = set()
        for key, w in wanted.items():
            values = dict(w.values)
            for name, (ref_kind, ref_key) in w.refs.items():
                values[name] = self.ids[ref_kind][ref_key]
            db_key = key if spec.parent is None else (parent_of[key], *key[-n:])
            row = held.get(db_key)
            if row is None:
                creating.append((w, self.build(kind, key, parent_of.get(key), values)))
                continue
            changed = [f for f, v in values.items() if not _blank(v) and getattr(row, f) != v]
            if changed:
                for f in changed:
                    setattr(row, f, values[f])
                    self.report.fields_updated[kind][f] += 1
                row.updated_at = self.now  # type: ignore[attr-defined]
                row.updated_by = self.user  # type: ignore[attr-defined]
                changed_fields.update(changed)
                updating.append((w, row))
            else:
                self.report.unchanged[kind] += 1
            self.ids[kind][key] = row.pk
        if creating:
            pks = self.insert(kind, [fields for _, fields in creating])
            for (w, _), pk in zip(creating, pks, strict=True):
                self.ids[kind][w.key] = pk
                self.new[kind].add(pk)
                self.report.by_child[w.child][f"{kind} created"] += 1
            self.report.created[kind] += len(creating)
        if updating:
            spec.model.objects.bulk_update(
                [row for _, row in updating],
                [*sorted(changed_fields), "updated_at", "updated_by"],
                batch_size=500,
            )
            for w, row in updating:
                self.report.by_child[w.child][f"{kind} updated"] += 1
                self.report.updated_ids[spec.model._meta.label].append(row.pk)
            self.report.updated[kind] += len(updating)

    def build(
        self, kind: str, key: Key, parent: int | None, values: dict[str, Any]
    ) -> dict[str, Any]:
        """A new row of `kind` by column: its key, parent and values; blank values the field
        cannot hold are left to its default."""
        spec = KINDS[kind]
        meta = spec.model._meta
        fields: dict[str, Any] = dict(zip(spec.local_key, key[-len(spec.local_key) :], strict=True))
        if parent is not None:
            fields[spec.parent_field] = parent
        for name, value in values.items():
            if value is None and not getattr(meta.get_field(name), "null", True):
                continue
            fields[name] = value
        if kind == "persons":
            fields["first_name"] = PLACEHOLDER_FIRST_NAME
            fields["last_name"] = placeholder_last_name(key[0])
        return fields

    def insert(self, kind: str, rows: list[dict[str, Any]]) -> list[int]:
        """Insert `rows` of `kind` (by column), stamped as created and updated now by the acting
        user; return their primary keys in order.

        Inserted with `executemany`, as the synthetic loader does: Django's `bulk_create` spends
        most of a large import preparing values one by one. The keys are then read back by each
        row's natural key, which no row held before has (else it would not be created).
        """
        spec = KINDS[kind]
        model = spec.model
        ops = connection.ops
        stamp = {
            "created_at": ops.adapt_datetimefield_value(self.now),
            "created_by_id": self.user.pk,
            "updated_at": ops.adapt_datetimefield_value(self.now),
            "updated_by_id": self.user.pk,
        }
        columns: list[tuple[str, Callable[[Any], Any], Any]] = []
        for f in model._meta.concrete_fields:
            if f.primary_key:
                continue
            adapt: Callable[[Any], Any] = _same
            if isinstance(f, models.JSONField):
                adapt = partial(f.get_db_prep_save, connection=connection)
            elif isinstance(f, models.DateField) and not isinstance(f, models.DateTimeField):
                adapt = ops.adapt_datefield_value
            default = stamp[f.attname] if f.attname in stamp else adapt(f.get_default())
            columns.append((f.attname, adapt, default))
        qn = ops.quote_name
        sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 (names from the model)
            qn(model._meta.db_table),
            ", ".join(qn(name) for name, _, _ in columns),
            ", ".join(["%s"] * len(columns)),
        )
        params = [
            tuple(adapt(row[name]) if name in row else default for name, adapt, default in columns)
            for row in rows
        ]
        with connection.cursor() as cursor:
            for start in range(0, len(params), BATCH):
                cursor.executemany(sql, params[start : start + BATCH])
        return self.read_back(kind, rows)

    def read_back(self, kind: str, rows: list[dict[str, Any]]) -> list[int]:
        """The primary keys of rows just inserted, found by their natural keys."""
        spec = KINDS[kind]
        found: dict[Key, int] = {}
        if spec.parent is None:
            la_ids = [row["la_person_id"] for row in rows]
            for chunk in _chunks(la_ids):
                people = cw.Person.objects.filter(la_person_id__in=chunk)
                for la_id, pk in people.values_list("la_person_id", "pk"):
                    found[(la_id,)] = pk
            return [found[(row["la_person_id"],)] for row in rows]
        parents = sorted({row[spec.parent_field] for row in rows})
        for chunk in _chunks(parents):
            held = spec.model.objects.filter(**{f"{spec.parent_field}__in": chunk})
            for pk, *key in held.values_list("pk", spec.parent_field, *spec.local_key):
                found[tuple(key)] = max(pk, found.get(tuple(key), pk))
        return [found[(row[spec.parent_field], *(row[f] for f in spec.local_key))] for row in rows]

    # ---- periods of care -----------------------------------------------------------------------

    def care_periods(self) -> None:
        """Put each run of episodes in a period of care, found among those held or created.

        A run joins the period of any of its episodes already held; else, unless it begins with
        RNE S, the period of a held episode that ended the day the run begins; else a held period
        starting that day; else a new period. The period starts at the earlier of its held start
        and the run's first DECOM, and ends when its latest episode ends.
        """
        runs = self.mapped.episode_runs
        persons = self.ids["persons"]
        child_pks = [persons[(child,)] for child in runs]
        old = sorted(set(child_pks) - self.new["persons"])
        held_periods: dict[int, cw.LookedAfterPeriod] = {}
        held_episodes: dict[int, list[tuple[date, date | None, int]]] = defaultdict(list)
        for chunk in _chunks(old):
            for period in cw.LookedAfterPeriod.objects.filter(child_id__in=chunk):
                held_periods[period.pk] = period
            held_rows = cw.LookedAfterEpisode.objects.filter(child_id__in=chunk).values_list(
                "child_id", "start_date", "end_date", "period_id"
            )
            for child_pk, start, end, period_pk in held_rows:
                held_episodes[child_pk].append((start, end, period_pk))

        # target -> (child la id, child pk, run episodes); a target is a held period's pk or a
        # new period's ("new", child, first DECOM).
        targets: dict[Any, tuple[str, int, list[Wanted]]] = {}
        for child, child_runs in runs.items():
            child_pk = persons[(child,)]
            by_start = {start: p for start, _, p in held_episodes.get(child_pk, [])}
            ended_on = {end: p for _, end, p in held_episodes.get(child_pk, []) if end}
            for run in child_runs:
                first = run[0].key[1]
                target: Any = next((by_start[w.key[1]] for w in run if w.key[1] in by_start), None)
                if target is None and run[0].values["reason_new_episode"] != NEW_RUN:
                    target = ended_on.get(first)
                if target is None:
                    target = next(
                        (
                            p.pk
                            for p in held_periods.values()
                            if p.child_id == child_pk  # type: ignore[attr-defined]
                            and p.start_date == first
                        ),
                        None,
                    )
                if target is None:
                    target = ("new", child, first)
                targets.setdefault(target, (child, child_pk, []))[2].extend(run)

        creating: list[tuple[str, Any, cw.LookedAfterPeriod]] = []
        updating: list[tuple[str, cw.LookedAfterPeriod, list[str]]] = []
        for target, (child, child_pk, episodes) in targets.items():
            held_ends = {
                start: end
                for start, end, p in held_episodes.get(child_pk, [])
                if p == target and not isinstance(target, tuple)
            }
            merged: dict[date, tuple[date | None, bool]] = {
                start: (end, False) for start, end in held_ends.items()
            }
            for w in episodes:
                end = w.values["end_date"] or held_ends.get(w.key[1])
                merged[w.key[1]] = (end, True)
            latest = max(merged)
            latest_end, from_return = merged[latest]
            start = min(w.key[1] for w in episodes)
            if isinstance(target, tuple):
                period = cw.LookedAfterPeriod(
                    child_id=child_pk,
                    start_date=start,
                    end_date=latest_end,
                    created_at=self.now,
                    created_by=self.user,
                    updated_at=self.now,
                    updated_by=self.user,
                )
                creating.append((child, target, period))
            else:
                period = held_periods[target]
                changed = []
                if start < period.start_date:
                    period.start_date = start
                    changed.append("start_date")
                if from_return and period.end_date != latest_end:
                    period.end_date = latest_end
                    changed.append("end_date")
                if changed:
                    period.updated_at = self.now
                    period.updated_by = self.user
                    updating.append((child, period, changed))
                else:
                    self.report.unchanged["care_periods"] += 1
            for w in episodes:
                w.refs["period_id"] = ("care_periods", (target,))
        cw.LookedAfterPeriod.objects.bulk_create([p for _, _, p in creating], batch_size=1_000)
        for child, target, period in creating:
            self.ids["care_periods"][(target,)] = period.pk
            self.new["care_periods"].add(period.pk)
            self.report.by_child[child]["care_periods created"] += 1
        self.report.created["care_periods"] += len(creating)
        if updating:
            cw.LookedAfterPeriod.objects.bulk_update(
                [p for _, p, _ in updating],
                ["start_date", "end_date", "updated_at", "updated_by"],
                batch_size=500,
            )
            for child, period, changed in updating:
                for name in changed:
                    self.report.fields_updated["care_periods"][name] += 1
                self.report.by_child[child]["care_periods updated"] += 1
                self.report.updated_ids[cw.LookedAfterPeriod._meta.label].append(period.pk)
            self.report.updated["care_periods"] += len(updating)
        for target in targets:
            if not isinstance(target, tuple):
                self.ids["care_periods"][(target,)] = target
        # Every period of these children, as now held, for placing reviews.
        for chunk in _chunks(child_pks):
            rows = cw.LookedAfterPeriod.objects.filter(child_id__in=chunk).values_list(
                "child_id", "pk", "start_date", "end_date"
            )
            for child_pk, pk, start, end in rows:
                self.periods[child_pk].append((pk, start, end))

    def resolve_review_periods(self) -> None:
        """A review belongs to the period of care the child was in that day (latest start)."""
        reviews = self.mapped.kinds.get("care_reviews", {})
        if not reviews:
            return
        persons = self.ids["persons"]
        missing = [
            persons[(w.child,)] for w in reviews.values() if persons[(w.child,)] not in self.periods
        ]
        for chunk in _chunks(sorted(set(missing))):
            rows = cw.LookedAfterPeriod.objects.filter(child_id__in=chunk).values_list(
                "child_id", "pk", "start_date", "end_date"
            )
            for child_pk, pk, start, end in rows:
                self.periods[child_pk].append((pk, start, end))
        file = self.mapped_file("Reviews")
        for key, w in reviews.items():
            on = key[1]
            found = [
                (start, pk)
                for pk, start, end in self.periods.get(persons[(w.child,)], [])
                if start <= on and (end is None or end >= on)
            ]
            if not found:
                self.problems.append(
                    Problem(
                        file,
                        w.row,
                        "REVIEW",
                        "the child was not looked after on this date in the return or in "
                        "Safeguard's records, so the review has no period of care to belong to",
                    )
                )
                continue
            w.values["period_id"] = max(found)[1]
        if self.problems:
            raise _Refused(self.problems)

    def mapped_file(self, table: str) -> str:
        return self.report.files_by_table.get(table, table)


def return_import(
    *,
    acting_user: User,
    return_name: str,
    paths: Sequence[Path],
    year: int | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Import an SSDA903 return ("903": CSV files) or a CIN census ("cin": one XML file).

    All or nothing (see the module docstring). Refuses (PermissionDenied) a user whose role may
    not import returns. The report's `exit_code` is 0 imported (or would be, in a dry run), 1
    problems in the data and nothing written, 2 the input could not be used.
    """
    if acting_user.role not in IMPORT_ROLES:
        raise PermissionDenied("This user may not import statutory returns")
    name = "SSDA903" if return_name == "903" else "CIN census"
    report = ImportReport(return_name=name, dry_run=dry_run)
    label = None if year is None else collection_year_label(year)
    started = time.perf_counter()
    try:
        if return_name == "903":
            files = _expand(paths)
            submission: Any = read_903(files, year=label)
            mapper: Callable[[Any], Mapped] = map_903
        else:
            if len(paths) != 1:
                report.unusable = "a CIN census is one XML file; give one PATH"
                return report
            submission = read_cin(paths[0], year=label)
            mapper = map_cin
    except (UnusableInput, UnusableCIN) as exc:
        report.unusable = str(exc)
        return report
    report.year = submission.year
    report.year_inferred = submission.year_inferred
    report.files = sorted(set(submission.files.values()))
    report.files_by_table = dict(submission.files)
    report.seconds["read"] = time.perf_counter() - started

    started = time.perf_counter()
    rules_name = "ssda903" if return_name == "903" else "cin"
    try:
        rules = rules_for(rules_name, submission.year)
        report.dfe = validate(submission, rules, catalogue_for(rules_name, submission.year))
    except ValueError as exc:
        report.dfe_note = f"the DfE's rules were not run: {exc}"
    report.seconds["DfE rules"] = time.perf_counter() - started

    started = time.perf_counter()
    mapped = mapper(submission)
    report.children = len(mapped.kinds.get("persons", {}))
    report.not_imported = mapped.not_imported
    report.problems = list(mapped.problems)
    report.seconds["map"] = time.perf_counter() - started
    if report.problems:
        return report

    started = time.perf_counter()
    try:
        with transaction.atomic():
            _one_import_at_a_time()
            writer = _Writer(mapped, acting_user, report)
            writer.run()
            if report.changed:
                _audit(acting_user, report)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    except _Refused as refused:
        report.problems = refused.problems
        _forget_changes(report)
    except DatabaseError as exc:
        report.problems = [
            Problem(", ".join(report.files), 0, "-", f"the database refused a row: {exc}")
        ]
        _forget_changes(report)
    report.seconds["write"] = time.perf_counter() - started
    return report


def _one_import_at_a_time() -> None:
    """Hold a lock until the transaction ends, so two imports never match the same keys at once
    (each would create the rows the other has not yet committed). Safeguard's SQLite
    transactions are IMMEDIATE, one writer at a time, already; PostgreSQL needs an advisory lock."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])


def _forget_changes(report: ImportReport) -> None:
    report.created.clear()
    report.updated.clear()
    report.unchanged.clear()
    report.fields_updated.clear()
    report.updated_ids.clear()
    report.by_child.clear()


def _expand(paths: Sequence[Path]) -> list[Path]:
    """The files given, a folder standing for the .csv files directly in it (not its
    subfolders, so a `previous` folder of last year's tables is left out)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv" and p.is_file())
            if not found:
                raise UnusableInput(path, "is a folder with no .csv files in it")
            files.extend(found)
        else:
            files.append(path)
    return files


def _audit(acting_user: User, report: ImportReport) -> None:
    """One audit event for the run: counts, fields updated and the ids of rows updated."""
    audit_event_add(
        acting_user,
        "return_import",
        "returns.import",
        f"{report.return_name} {report.year}"[:40],
        {
            "return": report.return_name,
            "year": report.year,
            "files": [Path(f).name for f in report.files],
            "created": {KINDS[k].model._meta.label: n for k, n in report.created.items() if n},
            "updated": {KINDS[k].model._meta.label: n for k, n in report.updated.items() if n},
            "fields_updated": {
                KINDS[k].model._meta.label: sorted(c) for k, c in report.fields_updated.items()
            },
            "updated_ids": {label: sorted(ids) for label, ids in report.updated_ids.items()},
            "dfe_errors": _dfe_count(report.dfe, "error"),
            "dfe_queries": _dfe_count(report.dfe, "query"),
        },
    )


def _dfe_count(result: Result | None, kind: str) -> int | None:
    if result is None:
        return None
    return int(result.issues.filter(pl.col("type") == kind).height)


def write_report(report: ImportReport, out: TextIO, err: TextIO) -> None:
    """The command's report: problems to `err`; what was (or would be) done to `out`."""
    if report.unusable:
        print(f"safeguard import: unusable input: {report.unusable}; nothing imported", file=err)
        return
    heading = f"{report.return_name} {report.year}: {report.children:,} children"
    heading += f" in {len(report.files)} file(s)"
    if report.year_inferred:
        heading += " (the year is taken from the files' dates; --year sets it)"
    print(heading, file=out)
    if report.dfe is not None:
        errors, queries = _dfe_count(report.dfe, "error"), _dfe_count(report.dfe, "query")
        failed = len(report.dfe.rules_failed)
        print(
            f"DfE rules: {errors:,} error(s) and {queries:,} query(ies) from "
            f"{len(report.dfe.rules_run)} rules"
            + (f" ({failed} rule(s) failed to run)" if failed else "")
            + "; they do not stop the import (`safeguard validate` lists them)",
            file=out,
        )
    elif report.dfe_note:
        print(report.dfe_note, file=out)
    if report.problems:
        print(
            f"safeguard import: nothing imported; {len(report.problems):,} problem(s) in the data:",
            file=err,
        )
        for problem in report.problems[:SHOWN_PROBLEMS]:
            print(f"  {problem}", file=err)
        if len(report.problems) > SHOWN_PROBLEMS:
            print(f"  ... and {len(report.problems) - SHOWN_PROBLEMS:,} more", file=err)
        return
    kinds = [k for k in ORDER[report.return_name]]
    width = max(len(KINDS[k].label) for k in kinds)
    verb = "would be" if report.dry_run else "were"
    print(f"\n{'records':<{width}}  {'created':>8}  {'updated':>8}  {'unchanged':>9}", file=out)
    for kind in kinds:
        print(
            f"{KINDS[kind].label:<{width}}  {report.created[kind]:>8,}  "
            f"{report.updated[kind]:>8,}  {report.unchanged[kind]:>9,}",
            file=out,
        )
    for kind, fields in report.fields_updated.items():
        listed = ", ".join(f"{name} ({count:,})" for name, count in sorted(fields.items()))
        print(f"fields updated in {KINDS[kind].label}: {listed}", file=out)
    updated_children = sorted(
        child for child, counts in report.by_child.items() if any("updated" in k for k in counts)
    )
    if updated_children:
        print(f"\nchildren whose records {verb} updated: {len(updated_children):,}", file=out)
        for child in updated_children[:SHOWN_CHILDREN]:
            counts = report.by_child[child]
            said = ", ".join(
                f"{KINDS[k.split()[0]].label} {k.split()[1]} {n}" for k, n in sorted(counts.items())
            )
            print(f"  {child}: {said}", file=out)
        if len(updated_children) > SHOWN_CHILDREN:
            print(f"  ... and {len(updated_children) - SHOWN_CHILDREN:,} more", file=out)
    if report.not_imported:
        print("\nnot imported:", file=out)
        for line in report.not_imported:
            print(f"  {line}", file=out)
    total = sum(report.seconds.values())
    timings = ", ".join(f"{stage} {s:.1f} s" for stage, s in report.seconds.items())
    if report.dry_run:
        print(f"\ndry run: nothing was written ({total:.1f} s: {timings})", file=out)
    elif report.changed:
        print(f"\nimported in {total:.1f} s ({timings})", file=out)
    else:
        print(f"\nnothing to change: Safeguard already holds this return ({total:.1f} s)", file=out)


def import_command(
    *,
    return_name: str,
    paths: list[Path],
    year: int | None,
    dry_run: bool,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """`safeguard import {903,cin} PATH...` as the system user: report, and return the exit
    code (0 imported, 1 problems in the data and nothing imported, 2 unusable input)."""
    from safeguard.web.casework.synth_loader import system_user

    report = return_import(
        acting_user=system_user(), return_name=return_name, paths=paths, year=year, dry_run=dry_run
    )
    write_report(report, stdout or sys.stdout, stderr or sys.stderr)
    return report.exit_code
