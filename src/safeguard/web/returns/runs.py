"""Validation runs: keep a run's report, find the runs a user may see, and group its issues.

A run keeps the engine's `Result` losslessly (the issues as compressed Parquet, the rest as
JSON), so the downloads are written by `safeguard.returns.report` from the same `Result` the
command line would write, long after the uploaded files were deleted. Pages group the issues with
Polars and render only the groups and one page of rows, so a return with 150,000 issues stays
fast.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

import polars as pl
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from safeguard.returns.engine import CatalogueEntry, Failed, Result, Skipped
from safeguard.web.access.audit import audit_event_add
from safeguard.web.access.models import User
from safeguard.web.returns.models import ValidationRun

VALIDATION_ROLES: Final = frozenset(
    {User.Role.PERFORMANCE_ANALYST, User.Role.DIRECTOR, User.Role.SYSTEM_ADMINISTRATOR}
)
"""Who may validate returns: the people who send them, and those who answer for them."""

RETURN_NAMES: Final = {
    ValidationRun.Return.SSDA903: "SSDA903",
    ValidationRun.Return.CIN: "CIN census",
}
"""The return's name as the report writers print it."""


def validation_run_record(
    *,
    acting_user: User,
    return_name: str,
    source: str,
    result: Result,
    files: Mapping[str, str],
    year_inferred: bool = False,
    notes: Sequence[str] = (),
) -> ValidationRun:
    """Keep a validation run's report for the user who ran it; audit it in the same transaction.

    `files` maps each table to the file name the user gave (never a path on the server).
    """
    if acting_user.role not in VALIDATION_ROLES:
        raise PermissionDenied("This user may not validate returns")
    buffer = io.BytesIO()
    result.issues.write_parquet(buffer, compression="zstd")
    kinds = result.issues.get_column("type")
    summary = {
        "rules_run": list(result.rules_run),
        "rules_skipped": [
            {
                "rule": s.code,
                "missing_tables": list(s.missing_tables),
                "missing_columns": list(s.missing_columns),
                "needs": s.needs,
            }
            for s in result.rules_skipped
        ],
        "rules_failed": [{"rule": f.code, "reason": f.reason} for f in result.rules_failed],
        "rules_not_implemented": [
            {
                "rule": e.code,
                "message": e.message,
                "fields": list(e.fields),
                "tables": list(e.tables),
            }
            for e in result.rules_not_implemented
        ],
        "files": dict(files),
        "notes": list(notes),
    }
    with transaction.atomic():
        run = ValidationRun.objects.create(
            created_at=timezone.now(),
            created_by=acting_user,
            return_name=return_name,
            source=source,
            year=result.year,
            year_inferred=year_inferred,
            file_names=list(dict.fromkeys(files.values())),
            rules_run=len(result.rules_run),
            rules_skipped=len(result.rules_skipped),
            rules_failed=len(result.rules_failed),
            rules_not_implemented=len(result.rules_not_implemented),
            errors=int((kinds == "error").sum()),
            queries=int((kinds == "query").sum()),
            summary=summary,
            issues=buffer.getvalue(),
        )
        # Counts only: the issues name children and carry their values.
        audit_event_add(
            acting_user,
            "validation_run_record",
            "ValidationRun",
            run.pk,
            {
                "return": return_name,
                "source": source,
                "year": result.year,
                "errors": run.errors,
                "queries": run.queries,
            },
        )
    return run


def validation_runs_visible_to(user: User) -> QuerySet[ValidationRun]:
    """The runs `user` may see: their own; every run for a system administrator; none for a
    role that may not validate returns."""
    if user.role not in VALIDATION_ROLES:
        return ValidationRun.objects.none()
    if user.role == User.Role.SYSTEM_ADMINISTRATOR:
        return ValidationRun.objects.all()
    return ValidationRun.objects.filter(created_by=user)


def issues_of(run: ValidationRun) -> pl.DataFrame:
    """The run's issues: rule, type, child, table, row, fields, values, message."""
    return pl.read_parquet(io.BytesIO(bytes(run.issues)))


def result_of(run: ValidationRun, issues: pl.DataFrame | None = None) -> Result:
    """The engine's Result as the run produced it, for the report writers."""
    summary = run.summary
    return Result(
        year=run.year,
        rules_run=tuple(summary["rules_run"]),
        rules_skipped=tuple(
            Skipped(s["rule"], tuple(s["missing_tables"]), tuple(s.get("missing_columns", ())))
            for s in summary["rules_skipped"]
        ),
        rules_failed=tuple(Failed(f["rule"], f["reason"]) for f in summary["rules_failed"]),
        issues=issues_of(run) if issues is None else issues,
        rules_not_implemented=tuple(
            CatalogueEntry(e["rule"], e["message"], tuple(e["fields"]), tuple(e["tables"]))
            for e in summary["rules_not_implemented"]
        ),
    )


@dataclass(frozen=True)
class IssueRow:
    """One issue as a page shows it."""

    rule: str
    type: str
    child: str | None
    table: str
    row: int
    values: str
    message: str


@dataclass(frozen=True)
class RuleGroup:
    """A rule's issues: how many, and the first few."""

    rule: str
    type: str
    message: str
    count: int
    first: list[IssueRow]


@dataclass(frozen=True)
class ChildGroup:
    """A child's issues (the first `limit` of them) and how many there are in all."""

    child: str | None
    count: int
    issues: list[IssueRow]


@dataclass(frozen=True)
class Page:
    """Which page of how many, for the GOV.UK pagination component."""

    number: int
    count: int
    per_page: int
    total: int

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.count

    @property
    def previous_number(self) -> int:
        return self.number - 1

    @property
    def next_number(self) -> int:
        return self.number + 1

    @property
    def first_item(self) -> int:
        return 0 if self.total == 0 else (self.number - 1) * self.per_page + 1

    @property
    def last_item(self) -> int:
        return min(self.number * self.per_page, self.total)

    def numbers(self) -> list[int | None]:
        """Page numbers to link, None where pages are left out: 1 … 4 5 6 … 20."""
        keep = {1, self.count, self.number - 1, self.number, self.number + 1}
        shown: list[int | None] = []
        for n in range(1, self.count + 1):
            if n in keep:
                shown.append(n)
            elif shown and shown[-1] is not None:
                shown.append(None)
        return shown


def page_of(number: int, total: int, per_page: int) -> Page:
    """Page `number` (clamped to the pages there are) of `total` items."""
    count = max(1, math.ceil(total / per_page))
    return Page(number=min(max(1, number), count), count=count, per_page=per_page, total=total)


def _values_text(fields: Sequence[str] | None, values: Sequence[str | None] | None) -> str:
    pairs = zip(fields or (), values or (), strict=False)
    return ", ".join(f"{f}={'(blank)' if v is None else v}" for f, v in pairs)


def _rows(frame: pl.DataFrame) -> list[IssueRow]:
    return [
        IssueRow(rule, kind, child, table, row, _values_text(fields, values), message)
        for rule, kind, child, table, row, fields, values, message in frame.select(
            "rule", "type", "child", "table", "row", "fields", "values", "message"
        ).iter_rows()
    ]


def issues_by_rule(issues: pl.DataFrame, first: int = 3) -> list[RuleGroup]:
    """One group per rule with issues, in the order the engine ran the rules."""
    if issues.is_empty():
        return []
    grouped = issues.group_by("rule", maintain_order=True).agg(
        pl.first("type"),
        pl.first("message"),
        pl.len().alias("count"),
        pl.col("child").head(first),
        pl.col("table").head(first),
        pl.col("row").head(first),
        pl.col("fields").head(first),
        pl.col("values").head(first),
    )
    groups = []
    for rule, kind, message, count, children, tables, rows, fields, values in grouped.iter_rows():
        firsts = [
            IssueRow(rule, kind, c, t, r, _values_text(f, v), message)
            for c, t, r, f, v in zip(children, tables, rows, fields, values, strict=True)
        ]
        groups.append(RuleGroup(rule, kind, message, count, firsts))
    return groups


def children_page(
    issues: pl.DataFrame, number: int, per_page: int = 25, limit: int = 20
) -> tuple[Page, list[ChildGroup]]:
    """Page `number` of the children with issues, in child order (issues with no child id
    last), each with its first `limit` issues by table and row."""
    counts = issues.group_by("child").agg(pl.len().alias("count")).sort("child", nulls_last=True)
    page = page_of(number, counts.height, per_page)
    wanted = counts.slice((page.number - 1) * per_page, per_page)
    chosen = issues.join(wanted.select("child"), on="child", how="semi", nulls_equal=True).sort(
        ["child", "table", "row"], nulls_last=True, maintain_order=True
    )
    by_child: dict[str | None, list[IssueRow]] = {}
    for (child,), part in chosen.group_by("child", maintain_order=True):
        by_child[child] = _rows(part.head(limit))
    groups = [
        ChildGroup(child, count, by_child.get(child, [])) for child, count in wanted.iter_rows()
    ]
    return page, groups


def rule_issues_page(
    issues: pl.DataFrame, rule: str, number: int, per_page: int = 100
) -> tuple[Page, list[IssueRow]]:
    """Page `number` of rule `rule`'s issues, in the order the rule reported them."""
    of_rule = issues.filter(pl.col("rule") == rule)
    page = page_of(number, of_rule.height, per_page)
    return page, _rows(of_rule.slice((page.number - 1) * per_page, per_page))
