"""Reads for work lists and alerts: facts out of the database in bulk, rules from core.

The API the pages use (each takes `as_at` keyword-only; a fixed number of queries whatever the
size of the data):

* `work_for_worker(staff, *, as_at) -> list[WorkItem]` - open items (due, due soon, overdue)
  and items done in the last 30 days, for the children the worker holds, and the worker's own
  (supervision; `child_id` None).
* `work_for_team(team, *, as_at) -> TeamWork` - `.rows` (one `WorkerRag` per worker: `staff`,
  `overdue`, `due_soon`, `due`, `done_late`), `.unallocated` (children allocated to the team
  with no worker, as `Person`) and `.items` (every item of the team's children, and its
  workers' own supervision items, which have no child).
* `work_for_service(*, as_at) -> list[TeamRag]` - `team` and the same counts, per team.
* `alerts_for_child(child, *, as_at) -> list[Alert]`, `alerts_for_team(team, *, as_at)`.
* `local_settings() -> list[RuleSetting]` - each configurable timescale and threshold with its
  default, current value and source, for the settings page.
* `current_settings() -> Settings` - the rules with this council's overrides applied.

`WorkItem`, `Status` and `Alert` are `safeguard.core.timescales` types. A child is reached for
display only through `access.children`; these selectors take a `Staff`, `Team` or a `Person` the
caller has already been allowed to see.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from django.db import connection
from django.db.models import Max, Q, QuerySet

from safeguard.core.timescales import (
    ALERTS,
    RULES,
    Alert,
    Interval,
    Records,
    Settings,
    Status,
    Unit,
    WorkItem,
    apply_overrides,
    computable,
    gap_alerts,
    work_items,
)
from safeguard.core.timescales import facts as f
from safeguard.core.timescales.facts import paused_gc
from safeguard.core.timescales.rules import DUE_SOON_WORKING_DAYS
from safeguard.web.access.children import open_allocations
from safeguard.web.casework import models as cw
from safeguard.web.timescales.models import (
    CoreGroupMeeting,
    LateReason,
    LongTermPlacement,
    NeedsAssessment,
    PathwayPlanReview,
    PersonalEducationPlanReview,
    SchoolStatusReport,
    SupervisionSession,
    TimescaleSetting,
)
from safeguard.web.workforce.models import Staff, Team


@dataclass(frozen=True)
class WorkerRag:
    """One worker's red/amber/green counts on a team view."""

    staff: Staff
    overdue: int = 0
    due_soon: int = 0
    due: int = 0
    done_late: int = 0


@dataclass(frozen=True)
class TeamWork:
    team: Team
    rows: list[WorkerRag]
    unallocated: list[cw.Person]
    items: list[WorkItem] = field(default_factory=list)


@dataclass(frozen=True)
class TeamRag:
    team: Team
    overdue: int = 0
    due_soon: int = 0
    due: int = 0
    done_late: int = 0
    unallocated: int = 0


@dataclass(frozen=True)
class RuleSetting:
    """One configurable value for the settings page."""

    key: str
    rule_id: str
    title: str
    default: str
    current: str
    number: int
    unit: str  # "" for a threshold
    source: str
    changed: bool
    computed: bool = True  # False: Safeguard cannot compute this rule yet (see `why_not`)
    why_not: str = ""


def current_settings() -> Settings:
    """The rules and alerts with this council's overrides (one query)."""
    overrides: dict[str, Interval | int] = {}
    for key, number, unit in TimescaleSetting.objects.filter(archived_at__isnull=True).values_list(
        "key", "number", "unit"
    ):
        overrides[key] = Interval(number, Unit(unit)) if unit else number
    return apply_overrides(overrides)


def local_settings() -> list[RuleSetting]:
    """Every configurable timescale and alert threshold, default and current, with its source."""
    current = current_settings()
    rules = {r.id: r for r in current.rules}
    alerts = {a.id: a for a in current.alerts}
    out: list[RuleSetting] = []
    for rule in RULES:
        now = rules[rule.id]
        if rule.local_first:
            out.append(
                RuleSetting(
                    rule.id,
                    rule.id,
                    rule.title,
                    rule.first.words(),
                    now.first.words(),
                    now.first.n,
                    now.first.unit.value,
                    rule.source,
                    now.first != rule.first,
                    computable(rule),
                    rule.not_computed,
                )
            )
        if rule.local_then:
            default, value = rule.then[-1], now.then[-1]
            out.append(
                RuleSetting(
                    f"{rule.id}:then",
                    rule.id,
                    f"{rule.title}, then every",
                    default.words(),
                    value.words(),
                    value.n,
                    value.unit.value,
                    rule.source,
                    value != default,
                    computable(rule),
                    rule.not_computed,
                )
            )
    for alert in ALERTS:
        threshold = alerts[alert.id].threshold
        out.append(
            RuleSetting(
                f"alert:{alert.id}",
                alert.id,
                f"Alert: {alert.title} (threshold)",
                str(alert.threshold),
                str(threshold),
                threshold,
                "",
                alert.lesson,
                threshold != alert.threshold,
            )
        )
    out.append(
        RuleSetting(
            "due_soon",
            "due_soon",
            "Due soon: working days ahead",
            str(DUE_SOON_WORKING_DAYS),
            str(current.due_soon_working_days),
            current.due_soon_working_days,
            "working_days",
            "local policy",
            current.due_soon_working_days != DUE_SOON_WORKING_DAYS,
        )
    )
    return out


def _rows(qs: QuerySet[Any], *fields: str) -> list[tuple[Any, ...]]:
    return list(qs.values_list(*fields))


def _raw_rows(qs: QuerySet[Any], *fields: str) -> list[tuple[Any, ...]]:
    """`_rows` without Django's per-value converters, for columns the database driver already
    returns as Python values (integers, text, dates; booleans may come back as 0 and 1)."""
    sql, params = qs.values_list(*fields).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def records_for(
    children: QuerySet[Any] | None,
    *,
    as_at: date,
    tables: frozenset[str] | None = None,
    counts_for: Settings | None = None,
    workers: QuerySet[Any] | None = None,
) -> Records:
    """The facts about `children` (a queryset of Person ids; None for everyone) up to `as_at`.

    One query per table, each filtered by the same child subquery; `tables` limits the tables
    read (the others are left empty), e.g. `ALERT_TABLES` for the alerts alone. `counts_for`
    reads just what `work_items` under those settings needs for its statuses (no household,
    school feed or late reasons; no assessment factors, contact sources or seen-alone flags;
    only visits where the child was seen, and of those before the shown window only each
    child's latest): fit for counting work items, not for explaining them or for the alerts.
    `workers` (a queryset of Staff ids) adds those members of staff and their supervision
    sessions, for their own timescales; without it no staff rows are read.
    """
    with paused_gc():
        return _records_for(children, as_at, tables, counts_for, workers)


def _records_for(
    children: QuerySet[Any] | None,
    as_at: date,
    tables: frozenset[str] | None,
    counts_for: Settings | None = None,
    workers: QuerySet[Any] | None = None,
) -> Records:
    if counts_for is not None:
        tables = COUNT_TABLES

    read = _rows if counts_for is None else _raw_rows

    def rows(name: str, qs: QuerySet[Any], *fields: str) -> list[tuple[Any, ...]]:
        return read(qs, *fields) if tables is None or name in tables else []

    def by_child(qs: QuerySet[Any], path: str = "child_id") -> QuerySet[Any]:
        return qs if children is None else qs.filter(**{f"{path}__in": children})

    persons = (
        cw.Person.objects.all() if children is None else cw.Person.objects.filter(pk__in=children)
    )
    episodes = by_child(cw.CINEpisode.objects.filter(referral_date__lte=as_at))
    contacts = by_child(cw.Contact.objects.filter(contact_date__lte=as_at))
    visits = by_child(cw.Visit.objects.filter(visit_date__lte=as_at, archived_at__isnull=True))
    health = by_child(cw.HealthAssessment.objects.filter(assessment_date__lte=as_at))
    earlier_visits: list[tuple[Any, ...]] = []
    earlier_health: list[tuple[Any, ...]] = []
    if counts_for is not None:
        shown_from = as_at - timedelta(days=counts_for.done_shown_days)
        # `facts.build` drops contacts decided before the shown window; so does this read.
        contacts = contacts.filter(Q(decision_date__isnull=True) | Q(decision_date__gte=shown_from))
        # Only initial and review health assessments start or stop a timescale.
        health = health.filter(kind__in=("initial", "review"))
        if _latest_suffices(counts_for, "health_review"):
            # As for visits below: of the earlier reviews only each child's latest can matter.
            earlier_health = [
                (c, "review", d)
                for c, d in _rows(
                    health.filter(kind="review", assessment_date__lt=shown_from)
                    .order_by()
                    .values("child_id")
                    .annotate(last=Max("assessment_date")),
                    "child_id",
                    "last",
                )
            ]
            health = health.exclude(kind="review", assessment_date__lt=shown_from)
        # Only a visit where the child was seen stops a visit timescale.
        visits = visits.filter(outcome="completed", child_seen=True)
        if _latest_suffices(counts_for, "child_seen"):
            # The engine replays a repeating rule from the last completion before the shown
            # window, so of the earlier visits only each child's latest one can matter.
            earlier_visits = _rows(
                visits.filter(visit_date__lt=shown_from)
                .order_by()
                .values("child_id")
                .annotate(last=Max("visit_date")),
                "child_id",
                "last",
            )
            visits = visits.filter(visit_date__gte=shown_from)
    # Columns only the alerts or explanations read; a counts read leaves them out (empty
    # strings, no factors, and for visits the outcome and seen flag the filter guarantees).
    alert_columns = counts_for is None
    return Records(
        children=tuple(f.Child(*r) for r in rows("children", persons, "id", "date_of_birth")),
        allocations=tuple(
            f.OpenAllocation(*r)
            for r in rows(
                "allocations",
                by_child(open_allocations(as_at)),
                "child_id",
                "team_id",
                "worker_id",
                "start_date",
            )
        ),
        contacts=tuple(
            f.ContactRow(i, c, d, s, o, dd if dd is None or dd <= as_at else None)
            for i, c, d, dd, s, o in rows(
                "contacts",
                contacts,
                "id",
                "child_id",
                "contact_date",
                "decision_date",
                *(("source", "outcome") if alert_columns else ()),
            )
        )
        if alert_columns
        else tuple(
            f.ContactRow(i, c, d, "", "", dd if dd is None or dd <= as_at else None)
            for i, c, d, dd in rows(
                "contacts", contacts, "id", "child_id", "contact_date", "decision_date"
            )
        ),
        episodes=tuple(
            f.EpisodeRow(i, c, r, nfa, cd if cd is None or cd <= as_at else None)
            for i, c, r, nfa, cd in rows(
                "episodes",
                episodes,
                "id",
                "child_id",
                "referral_date",
                "referral_nfa",
                "closure_date",
            )
        ),
        assessments=tuple(
            f.AssessmentRow(
                e, s, a if a is None or a <= as_at else None, tuple(fa[0] or ()) if fa else ()
            )
            for e, s, a, *fa in rows(
                "assessments",
                by_child(cw.Assessment.objects.filter(start_date__lte=as_at), "episode__child_id"),
                "episode_id",
                "start_date",
                "authorisation_date",
                *(("factors",) if alert_columns else ()),
            )
        ),
        section47s=tuple(
            f.Section47Row(e, d or s, end if end is None or end <= as_at else None, o, nr)
            for e, d, s, end, o, nr in rows(
                "section47s",
                by_child(
                    cw.Section47Enquiry.objects.filter(start_date__lte=as_at), "episode__child_id"
                ),
                "episode_id",
                "strategy_discussion__discussion_date",
                "start_date",
                "end_date",
                "outcome",
                "icpc_not_required",
            )
        ),
        plans=tuple(
            f.PlanRow(i, e, s, end if end is None or end <= as_at else None)
            for i, e, s, end in rows(
                "plans",
                by_child(
                    cw.ChildProtectionPlan.objects.filter(start_date__lte=as_at),
                    "episode__child_id",
                ),
                "id",
                "episode_id",
                "start_date",
                "end_date",
            )
        ),
        conferences=tuple(
            f.ConferenceRow(*r)
            for r in rows(
                "conferences",
                by_child(
                    cw.ChildProtectionConference.objects.filter(conference_date__lte=as_at),
                    "episode__child_id",
                ),
                "episode_id",
                "plan_id",
                "kind",
                "conference_date",
            )
        ),
        cin_plans=tuple(
            f.PlanRow(i, e, s, end if end is None or end <= as_at else None)
            for i, e, s, end in rows(
                "cin_plans",
                by_child(cw.CINPlan.objects.filter(start_date__lte=as_at), "episode__child_id"),
                "id",
                "episode_id",
                "start_date",
                "end_date",
            )
        ),
        visits=tuple(
            f.VisitRow(*r)
            for r in rows(
                "visits", visits, "child_id", "visit_date", "outcome", "child_seen", "seen_alone"
            )
        )
        if alert_columns
        else tuple(
            f.VisitRow(c, d, "completed", True, False)
            for c, d in [*earlier_visits, *rows("visits", visits, "child_id", "visit_date")]
        ),
        care_periods=tuple(
            f.CarePeriodRow(i, c, s, end if end is None or end <= as_at else None)
            for i, c, s, end in rows(
                "care_periods",
                by_child(cw.LookedAfterPeriod.objects.filter(start_date__lte=as_at)),
                "id",
                "child_id",
                "start_date",
                "end_date",
            )
        ),
        care_episodes=tuple(
            f.CareEpisodeRow(*r)
            for r in rows(
                "care_episodes",
                by_child(cw.LookedAfterEpisode.objects.filter(start_date__lte=as_at)),
                "child_id",
                "period_id",
                "start_date",
                "reason_new_episode",
            )
        ),
        reviews=tuple(
            f.ReviewRow(*r)
            for r in rows(
                "reviews",
                by_child(cw.LookedAfterReview.objects.filter(review_date__lte=as_at)),
                "child_id",
                "period_id",
                "review_date",
            )
        ),
        health=tuple(
            f.HealthRow(*r)
            for r in [
                *earlier_health,
                *rows("health", health, "child_id", "kind", "assessment_date"),
            ]
        ),
        pathway_plans=tuple(
            f.PathwayRow(*r)
            for r in rows(
                "pathway_plans",
                by_child(
                    cw.CareLeaverRecord.objects.filter(
                        pathway_plan_date__isnull=False, pathway_plan_date__lte=as_at
                    )
                ),
                "child_id",
                "pathway_plan_date",
            )
        )
        + tuple(
            f.PathwayRow(*r)
            for r in rows(
                "pathway_plans",
                by_child(PathwayPlanReview.objects.filter(review_date__lte=as_at)),
                "child_id",
                "review_date",
            )
        ),
        core_groups=tuple(
            f.ChildDate(*r)
            for r in rows(
                "core_groups",
                by_child(CoreGroupMeeting.objects.filter(meeting_date__lte=as_at)),
                "child_id",
                "meeting_date",
            )
        ),
        peps=tuple(
            f.ChildDate(*r)
            for r in rows(
                "peps",
                by_child(PersonalEducationPlanReview.objects.filter(review_date__lte=as_at)),
                "child_id",
                "review_date",
            )
        ),
        household=tuple(
            f.HouseholdRow(*r)
            for r in rows(
                "household",
                cw.HouseholdMember.objects.filter(start_date__lte=as_at)
                if children is None
                else cw.HouseholdMember.objects.filter(
                    start_date__lte=as_at,
                    household_id__in=cw.HouseholdMember.objects.filter(
                        person_id__in=children
                    ).values("household_id"),
                ),
                "household_id",
                "person_id",
                "is_unknown_adult",
                "start_date",
                "end_date",
            )
        ),
        school_statuses=tuple(
            f.SchoolStatusRow(*r)
            for r in rows(
                "school_statuses",
                by_child(
                    SchoolStatusReport.objects.filter(
                        status_date__lte=as_at, archived_at__isnull=True
                    )
                ),
                "child_id",
                "status",
                "status_date",
                "school",
            )
        ),
        late_reasons=tuple(
            f.LateReasonRow(*r)
            for r in rows(
                "late_reasons",
                by_child(LateReason.objects.filter(archived_at__isnull=True)).order_by(
                    "created_at"
                ),
                "child_id",
                "rule_id",
                "due_date",
                "reason",
            )
        ),
        long_term_placements=tuple(
            f.LongTermPlacement(*r)
            for r in rows(
                "long_term_placements",
                by_child(LongTermPlacement.objects.filter(decided_on__lte=as_at)),
                "child_id",
                "period_id",
                "decided_on",
            )
        ),
        needs_assessments=tuple(
            f.ChildDate(*r)
            for r in rows(
                "needs_assessments",
                by_child(
                    NeedsAssessment.objects.filter(
                        assessment_date__lte=as_at, archived_at__isnull=True
                    )
                ),
                "child_id",
                "assessment_date",
            )
        ),
        staff=()
        if workers is None
        else tuple(
            f.StaffRow(i, t, r, bool(nq), s, end if end is None or end <= as_at else None)
            for i, t, r, nq, s, end in rows(
                "staff",
                Staff.objects.filter(pk__in=workers, start_date__lte=as_at),
                "id",
                "team_id",
                "role",
                "newly_qualified",
                "start_date",
                "end_date",
            )
        ),
        supervisions=()
        if workers is None
        else tuple(
            f.StaffDate(*r)
            for r in rows(
                "supervisions",
                SupervisionSession.objects.filter(
                    supervisee_id__in=workers, session_date__lte=as_at, archived_at__isnull=True
                ),
                "supervisee_id",
                "session_date",
            )
        ),
    )


# What the work item counts read (`records_for(..., counts_only=True)`): no late reasons.
COUNT_TABLES = frozenset(
    {
        "children",
        "allocations",
        "contacts",
        "episodes",
        "assessments",
        "section47s",
        "plans",
        "conferences",
        "cin_plans",
        "visits",
        "care_periods",
        "care_episodes",
        "reviews",
        "health",
        "pathway_plans",
        "core_groups",
        "peps",
        "long_term_placements",
        "staff",
        "supervisions",
        "needs_assessments",
    }
)

# What the gap alerts read: the visit timescales (for "not seen") and the alerts' own facts.
ALERT_TABLES = frozenset(
    {
        "children",
        "allocations",
        "contacts",
        "episodes",
        "assessments",
        "plans",
        "cin_plans",
        "visits",
        "care_periods",
        "care_episodes",
        "household",
        "school_statuses",
        "long_term_placements",
    }
)


def _latest_suffices(settings: Settings, event: str) -> bool:
    """True if no rule stopped by `event` tells its second repeat from its later ones (each
    has at most one `then` interval), so the count of earlier such events cannot matter."""
    return all(len(r.then) <= 1 for r in settings.rules if r.stops == event)


def _team_children(team: Team, as_at: date) -> QuerySet[Any]:
    return open_allocations(as_at).filter(team=team).order_by().values("child_id")


def _worker_children(staff: Staff, as_at: date) -> QuerySet[Any]:
    return open_allocations(as_at).filter(worker=staff).order_by().values("child_id")


def work_for_worker(staff: Staff, *, as_at: date) -> list[WorkItem]:
    """The worker's open items and those done in the last 30 days, by child and due date."""
    records = records_for(
        _worker_children(staff, as_at),
        as_at=as_at,
        workers=Staff.objects.filter(pk=staff.pk).values("pk"),
    )
    items = work_items(records, as_at=as_at, settings=current_settings())
    # A child held by this worker and someone else (a personal adviser too) is on both lists.
    return [i if i.worker_id == staff.pk else replace(i, worker_id=staff.pk) for i in items]


def _count(items: Iterable[WorkItem]) -> dict[str, int]:
    counts = {s.value: 0 for s in Status}
    for item in items:
        counts[item.status.value] += 1
    return counts


def work_for_team(team: Team, *, as_at: date) -> TeamWork:
    """Per-worker counts, the unallocated children and every item of the team's children."""
    records = records_for(
        _team_children(team, as_at),
        as_at=as_at,
        workers=Staff.objects.filter(team=team).values("pk"),
    )
    items = [
        i
        for i in work_items(records, as_at=as_at, settings=current_settings())
        if i.team_id == team.pk
    ]
    by_worker: dict[int, list[WorkItem]] = {}
    for item in items:
        if item.worker_id is not None:
            by_worker.setdefault(item.worker_id, []).append(item)
    holders = {a.worker_id for a in records.allocations if a.team_id == team.pk and a.worker_id}
    staff = Staff.objects.filter(pk__in=holders | set(by_worker)).order_by(
        "last_name", "first_name"
    )
    rows = []
    for s in staff:
        c = _count(by_worker.get(s.pk, ()))
        rows.append(WorkerRag(s, c["overdue"], c["due_soon"], c["due"], c["done_late"]))
    with_worker = {a.child_id for a in records.allocations if a.worker_id is not None}
    waiting = {
        a.child_id
        for a in records.allocations
        if a.team_id == team.pk and a.worker_id is None and a.child_id not in with_worker
    }
    unallocated = list(cw.Person.objects.filter(pk__in=waiting).order_by("last_name", "first_name"))
    return TeamWork(team, rows, unallocated, items)


def work_for_service(*, as_at: date) -> list[TeamRag]:
    """Counts per team across the service, teams in name order.

    Only children with an open allocation belong to a team, so only their facts are read.
    """
    settings = current_settings()
    records = records_for(
        open_allocations(as_at).order_by().values("child_id"),
        as_at=as_at,
        counts_for=settings,
        workers=Staff.objects.values("pk"),
    )
    items = work_items(records, as_at=as_at, settings=settings, explain=False)
    by_team: dict[int, list[WorkItem]] = {}
    for item in items:
        if item.team_id is not None:
            by_team.setdefault(item.team_id, []).append(item)
    with_worker = {a.child_id for a in records.allocations if a.worker_id is not None}
    waiting: dict[int, set[int]] = {}
    for a in records.allocations:
        if a.worker_id is None and a.child_id not in with_worker:
            waiting.setdefault(a.team_id, set()).add(a.child_id)
    out = []
    for team in Team.objects.order_by("name"):
        c = _count(by_team.get(team.pk, ()))
        out.append(
            TeamRag(
                team,
                c["overdue"],
                c["due_soon"],
                c["due"],
                c["done_late"],
                len(waiting.get(team.pk, ())),
            )
        )
    return out


def alerts_for_child(child: cw.Person, *, as_at: date) -> list[Alert]:
    """The alerts that fire for one child on `as_at`."""
    ids = cw.Person.objects.filter(pk=child.pk).values("pk")
    records = records_for(ids, as_at=as_at, tables=ALERT_TABLES)
    return gap_alerts(records, as_at=as_at, settings=current_settings())


def alerts_for_team(team: Team, *, as_at: date) -> list[Alert]:
    """The alerts for the children allocated to `team` on `as_at`."""
    records = records_for(_team_children(team, as_at), as_at=as_at, tables=ALERT_TABLES)
    kids = {a.child_id for a in records.allocations if a.team_id == team.pk}
    return gap_alerts(records, as_at=as_at, settings=current_settings(), child_ids=kids)
