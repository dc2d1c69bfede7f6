"""Reads for the team pages: which teams a user may look at, and a team's work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet

from safeguard.core.timescales import Alert, Status, WorkItem
from safeguard.web.access.children import (
    ROLES_SEEING_ALL_CHILDREN,
    ROLES_SEEING_THEIR_SERVICE_AREA,
    children_visible_to,
    open_allocations,
)
from safeguard.web.access.models import User
from safeguard.web.casework.models import Allocation, Person
from safeguard.web.timescales.selectors import (
    TeamRag,
    WorkerRag,
    alerts_for_child,
    alerts_for_team,
    work_for_service,
    work_for_team,
    work_for_worker,
)
from safeguard.web.workforce.models import Staff, Team


def teams_visible_to(user: User) -> QuerySet[Team]:
    """Teams whose work `user` may look at: all, their service area's, or their own team."""
    if user.role in ROLES_SEEING_ALL_CHILDREN:
        return Team.objects.all()
    staff = user.staff
    if staff is None or staff.team_id is None:
        return Team.objects.none()
    if user.role in ROLES_SEEING_THEIR_SERVICE_AREA:
        return Team.objects.filter(service_area_id=staff.team.service_area_id)
    if user.role in {
        User.Role.SOCIAL_WORKER,
        User.Role.PRACTICE_SUPERVISOR,
        User.Role.TEAM_MANAGER,
    }:
        return Team.objects.filter(pk=staff.team_id)
    return Team.objects.none()


@dataclass(frozen=True)
class TeamSummary:
    team: Team
    workers: list[Staff]
    allocated_children: int
    unallocated: list[Allocation]


def team_summary(team: Team, user: User, *, as_at: date) -> TeamSummary:
    """The team's current staff with their caseloads, and its children waiting for a worker.

    A caseload counts the children allocated to the worker on `as_at`. The unallocated list holds
    only children `user` may see (restricted records without a grant are left out).
    """
    current = open_allocations(as_at)
    open_for_worker = Q(allocations__start_date__lte=as_at) & (
        Q(allocations__end_date__isnull=True) | Q(allocations__end_date__gt=as_at)
    )
    workers = list(
        Staff.objects.filter(team=team, start_date__lte=as_at)
        .filter(Q(end_date__isnull=True) | Q(end_date__gt=as_at))
        .annotate(caseload=Count("allocations__child", filter=open_for_worker, distinct=True))
        .order_by("last_name", "first_name", "pk")
    )
    unallocated = list(
        current.filter(team=team, worker__isnull=True)
        .filter(child__in=children_visible_to(user, as_at=as_at))
        .select_related("child")
        .order_by("start_date", "pk")
    )
    return TeamSummary(
        team=team,
        workers=workers,
        allocated_children=sum(w.caseload for w in workers),
        unallocated=unallocated,
    )


# --- Work lists and alerts --------------------------------------------------------------------

# The "record a ..." page for each kind of work item; others open the child's record.
RECORD_FORM_FOR_ACTION = {
    "visit": "visit",
    "cla_review": "cla_review",
    "health_assessment": "health_assessment",
    "needs_assessment": "needs_assessment",
}
RECORD_FORM_FOR_RULE = {"icpc": "icpc", "rcpc": "cp_conference"}

# How each status shows: red overdue, amber due soon, green on track or done; words always too.
STATUS_TAGS = {
    Status.OVERDUE: ("Overdue", "govuk-tag--red"),
    Status.DUE_SOON: ("Due soon", "govuk-tag--orange"),
    Status.DUE: ("Due", "govuk-tag--green"),
    Status.DONE_LATE: ("Done late", "govuk-tag--green"),
    Status.DONE_ON_TIME: ("Done on time", "govuk-tag--green"),
}


@dataclass(frozen=True)
class WorkRow:
    """A work item with the child it is about; `child` is None when their record is withheld,
    or when the item is about the worker themself (`about_worker`: their supervision)."""

    item: WorkItem
    child: Person | None

    @property
    def record_form(self) -> str:
        return RECORD_FORM_FOR_RULE.get(self.item.rule_id) or RECORD_FORM_FOR_ACTION.get(
            self.item.action, ""
        )

    @property
    def about_worker(self) -> bool:
        return self.item.child_id is None

    @property
    def tag(self) -> tuple[str, str]:
        return STATUS_TAGS[self.item.status]

    @property
    def needs_late_reason(self) -> bool:
        late = self.item.status in {Status.OVERDUE, Status.DONE_LATE}
        return late and not self.item.late_reason and self.child is not None


@dataclass(frozen=True)
class AlertRow:
    alert: Alert
    child: Person | None


def _visible_children(user: User, ids: set[int], as_at: date) -> dict[int, Person]:
    """The children among `ids` whose record `user` may open, by id (one query)."""
    if not ids:
        return {}
    found = children_visible_to(user, as_at=as_at).filter(pk__in=ids)
    return {person.pk: person for person in found}


@dataclass(frozen=True)
class MyWork:
    overdue: list[WorkRow]
    due_soon: list[WorkRow]
    due: list[WorkRow]
    done: list[WorkRow]

    @property
    def open_count(self) -> int:
        return len(self.overdue) + len(self.due_soon) + len(self.due)


def my_work(user: User, *, as_at: date) -> MyWork | None:
    """The user's own work items on `as_at`, by status; None when they hold no caseload.

    Items about a restricted child the user has no grant for are kept (the work is still due)
    but show no name.
    """
    if user.staff_id is None:
        return None
    items = work_for_worker(user.staff, as_at=as_at)
    children = _visible_children(user, {i.child_id for i in items if i.child_id}, as_at)
    rows = [WorkRow(i, children.get(i.child_id) if i.child_id else None) for i in items]
    by_due = sorted(rows, key=lambda r: (r.item.due, r.item.child_id or 0, r.item.rule_id))
    done = [r for r in rows if not r.item.status.is_open]
    done.sort(key=lambda r: r.item.done_on or r.item.due, reverse=True)
    return MyWork(
        overdue=[r for r in by_due if r.item.status is Status.OVERDUE],
        due_soon=[r for r in by_due if r.item.status is Status.DUE_SOON],
        due=[r for r in by_due if r.item.status is Status.DUE],
        done=done,
    )


@dataclass(frozen=True)
class WorkerOverdue:
    staff: Staff
    rows: list[WorkRow]


@dataclass(frozen=True)
class TeamWorkView:
    team: Team
    rag: list[WorkerRag]
    totals: dict[str, int]
    overdue_by_worker: list[WorkerOverdue]
    unallocated: list[Person]
    alerts: list[AlertRow]


def team_work(team: Team, user: User, *, as_at: date) -> TeamWorkView:
    """A team's red/amber/green counts per worker, what is overdue and why, who waits for a
    worker, and the gap alerts on the team's children, as `user` may see them.

    Counts include every child; names and links appear only for children `user` may see.
    """
    work = work_for_team(team, as_at=as_at)
    alerts = alerts_for_team(team, as_at=as_at)
    ids = {i.child_id for i in work.items if i.status is Status.OVERDUE and i.child_id}
    ids |= {a.child_id for a in alerts} | {p.pk for p in work.unallocated}
    children = _visible_children(user, ids, as_at)
    overdue: dict[int, list[WorkRow]] = {}
    for item in sorted(work.items, key=lambda i: (i.due, i.child_id or 0)):
        if item.status is Status.OVERDUE and item.worker_id is not None:
            child = children.get(item.child_id) if item.child_id else None
            overdue.setdefault(item.worker_id, []).append(WorkRow(item, child))
    totals = {
        name: sum(getattr(row, name) for row in work.rows)
        for name in ("overdue", "due_soon", "due", "done_late")
    }
    return TeamWorkView(
        team=team,
        rag=work.rows,
        totals=totals,
        overdue_by_worker=[
            WorkerOverdue(row.staff, overdue[row.staff.pk])
            for row in work.rows
            if row.staff.pk in overdue
        ],
        unallocated=[p for p in work.unallocated if p.pk in children],
        alerts=[AlertRow(a, children.get(a.child_id)) for a in alerts],
    )


SERVICE_VIEW_ROLES = ROLES_SEEING_ALL_CHILDREN | ROLES_SEEING_THEIR_SERVICE_AREA


@dataclass(frozen=True)
class ServiceWorkView:
    teams: list[TeamRag]
    totals: dict[str, int]


def service_work(user: User, *, as_at: date) -> ServiceWorkView:
    """Counts per team for the teams `user` may look at, with totals (no child is named)."""
    visible = set(teams_visible_to(user).values_list("pk", flat=True))
    rows = [row for row in work_for_service(as_at=as_at) if row.team.pk in visible]
    totals = {
        name: sum(getattr(row, name) for row in rows)
        for name in ("overdue", "due_soon", "due", "done_late", "unallocated")
    }
    return ServiceWorkView(rows, totals)


def child_alerts(child: Person, *, as_at: date) -> list[Alert]:
    """The gap alerts on one child's record; the caller has already been allowed to see them."""
    return alerts_for_child(child, as_at=as_at)
