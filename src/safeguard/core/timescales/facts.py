"""The facts the timescale engine reads, and how they become clocks and events.

`Records` holds plain rows (tuples in the shape of `values_list` output, or taken from a
synthetic authority), read once by the caller. `build` turns them into *clocks* (things that
start a timescale: a contact, a plan, a period of care) and *events* (things that stop one: a
visit where the child was seen, a review). Rules name these kinds; the engine never looks at a
table. Each clock carries a key; an event with a key stops only the clock with the same key
(a review conference stops its own plan's clock), an event without one stops any clock of the
child that is running on its date.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

from safeguard.core.timescales.intervals import add_years

# Every clock and event kind `build` produces; a rule naming any other cannot be computed.
CLOCKS = frozenset(
    {
        "contact",
        "referral",
        "section47",
        "cp_plan",
        "first_core_group",
        "cin_plan",
        "care_period",
        "health_checked",
        "pathway_plan",
        "staff_start",
        "eligible_at_16",
    }
)
EVENTS = frozenset(
    {
        "contact_decision",
        "assessment_authorised",
        "initial_conference",
        "review_conference",
        "child_seen",
        "core_group",
        "cla_review",
        "placement_start",
        "health_initial",
        "health_review",
        "pep",
        "pathway_plan",
        "supervision",
        "needs_assessment",
    }
)

# Clock kinds about a member of staff rather than a child: their clock's `child_id` holds the
# staff id, and their work items have no child.
STAFF_CLOCKS = frozenset({"staff_start"})

# The staff roles who receive regular case supervision (local policy; social work staff).
SUPERVISED_ROLES = frozenset(
    {"social_worker", "senior_social_worker", "practice_supervisor", "personal_adviser"}
)


class Child(NamedTuple):
    id: int
    date_of_birth: date | None


class OpenAllocation(NamedTuple):
    child_id: int
    team_id: int
    worker_id: int | None
    start_date: date


class ContactRow(NamedTuple):
    id: int
    child_id: int
    contact_date: date
    source: str
    outcome: str
    decision_date: date | None


class EpisodeRow(NamedTuple):
    id: int
    child_id: int
    referral_date: date
    referral_nfa: bool
    closure_date: date | None


class AssessmentRow(NamedTuple):
    episode_id: int
    start_date: date
    authorisation_date: date | None
    factors: tuple[str, ...]


class Section47Row(NamedTuple):
    episode_id: int
    discussion_date: date
    end_date: date | None
    outcome: str
    icpc_not_required: bool


class PlanRow(NamedTuple):
    id: int
    episode_id: int
    start_date: date
    end_date: date | None


class ConferenceRow(NamedTuple):
    episode_id: int
    plan_id: int | None
    kind: str
    conference_date: date


class VisitRow(NamedTuple):
    child_id: int
    visit_date: date
    outcome: str
    child_seen: bool
    seen_alone: bool


class CarePeriodRow(NamedTuple):
    id: int
    child_id: int
    start_date: date
    end_date: date | None


class CareEpisodeRow(NamedTuple):
    child_id: int
    period_id: int
    start_date: date
    reason_new_episode: str


class ReviewRow(NamedTuple):
    child_id: int
    period_id: int
    review_date: date


class HealthRow(NamedTuple):
    child_id: int
    kind: str
    assessment_date: date


class PathwayRow(NamedTuple):
    child_id: int
    pathway_plan_date: date


class ChildDate(NamedTuple):
    """A dated event of one child (a core group, a PEP review)."""

    child_id: int
    on: date


class HouseholdRow(NamedTuple):
    household_id: int
    person_id: int | None
    is_unknown_adult: bool
    start_date: date
    end_date: date | None


class SchoolStatusRow(NamedTuple):
    child_id: int
    status: str
    status_date: date
    school: str


class LateReasonRow(NamedTuple):
    child_id: int
    rule_id: str
    due_date: date
    reason: str


class StaffRow(NamedTuple):
    """A member of staff, for their own timescales (supervision)."""

    id: int
    team_id: int | None
    role: str
    newly_qualified: bool
    start_date: date
    end_date: date | None


class StaffDate(NamedTuple):
    """A dated event of one member of staff (a supervision session)."""

    staff_id: int
    on: date


class LongTermPlacement(NamedTuple):
    """A period of care whose placement is intended to last until the child is 18 (reg 28)."""

    child_id: int
    period_id: int
    from_date: date


@dataclass(frozen=True)
class Records:
    """Everything the engine and the alerts read, as rows. Any table may be empty."""

    children: tuple[Child, ...] = ()
    allocations: tuple[OpenAllocation, ...] = ()
    contacts: tuple[ContactRow, ...] = ()
    episodes: tuple[EpisodeRow, ...] = ()
    assessments: tuple[AssessmentRow, ...] = ()
    section47s: tuple[Section47Row, ...] = ()
    plans: tuple[PlanRow, ...] = ()
    conferences: tuple[ConferenceRow, ...] = ()
    cin_plans: tuple[PlanRow, ...] = ()
    visits: tuple[VisitRow, ...] = ()
    care_periods: tuple[CarePeriodRow, ...] = ()
    care_episodes: tuple[CareEpisodeRow, ...] = ()
    reviews: tuple[ReviewRow, ...] = ()
    health: tuple[HealthRow, ...] = ()
    pathway_plans: tuple[PathwayRow, ...] = ()
    core_groups: tuple[ChildDate, ...] = ()
    peps: tuple[ChildDate, ...] = ()
    household: tuple[HouseholdRow, ...] = ()
    school_statuses: tuple[SchoolStatusRow, ...] = ()
    late_reasons: tuple[LateReasonRow, ...] = ()
    long_term_placements: tuple[LongTermPlacement, ...] = ()
    staff: tuple[StaffRow, ...] = ()
    supervisions: tuple[StaffDate, ...] = ()
    needs_assessments: tuple[ChildDate, ...] = ()


class Clock(NamedTuple):
    """A running timescale: from `start` until `end` (None while it runs) for one child.

    For a clock kind in `STAFF_CLOCKS`, `child_id` (and `key`) hold the member of staff's id.
    """

    child_id: int
    key: int
    start: date
    end: date | None


# An event: (date, key). A plain tuple, not a NamedTuple: there are millions of them.
Event = tuple[date, int | None]


@dataclass
class Facts:
    """Clocks and events by kind, events by child in date order, and who holds each child."""

    clocks: dict[str, list[Clock]] = field(default_factory=lambda: defaultdict(list))
    events: dict[str, dict[int, list[Event]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )
    dob: dict[int, date | None] = field(default_factory=dict)
    holder: dict[int, tuple[int | None, int | None]] = field(default_factory=dict)
    settled_from: dict[int, date] = field(default_factory=dict)  # care period id -> date
    late_reasons: dict[tuple[int, str, date], str] = field(default_factory=dict)
    staff_team: dict[int, int | None] = field(default_factory=dict)  # staff id -> team id
    newly_qualified: set[int] = field(default_factory=set)  # staff ids


# A placement starts with every new episode except a change of legal status only.
_NOT_A_PLACEMENT_START = frozenset({"L"})


# Reg 40: an eligible child has been looked after for at least 13 weeks in total, in periods
# that began after they were 14 and ended after they were 16.
ELIGIBLE_CARE_DAYS = 13 * 7


def _periods_by_child(rows: Iterable[CarePeriodRow]) -> dict[int, list[CarePeriodRow]]:
    out: dict[int, list[CarePeriodRow]] = defaultdict(list)
    for p in rows:
        out[p.child_id].append(p)
    return out


def eligible_from(
    dob: date | None, periods: Iterable[CarePeriodRow]
) -> tuple[date, date | None] | None:
    """The day a child becomes an eligible child (reg 40), and the end of the period of care
    they are in that day; None if they never do.

    Simplification: days looked after are counted from the 14th birthday (a period that began
    before 14 counts from that birthday), continuously across periods; respite (short breaks)
    is not told apart. The day is the later of the 16th birthday and the day the 13 weeks are
    reached, and the child must be looked after on it, before their 18th birthday.
    """
    if dob is None:
        return None
    at14, at16, at18 = add_years(dob, 14), add_years(dob, 16), add_years(dob, 18)
    counted = 0
    for p in sorted(periods, key=lambda p: p.start_date):
        start = max(p.start_date, at14)
        if p.end_date is not None and p.end_date <= start:
            continue
        reached = start + timedelta(days=ELIGIBLE_CARE_DAYS - counted)
        if p.end_date is None or reached <= p.end_date:
            on = max(reached, at16, start)
            if on < at18 and (p.end_date is None or on <= p.end_date):
                return on, p.end_date
            if p.end_date is None:
                return None
        counted += (p.end_date - start).days if p.end_date is not None else 0
    return None


def _first_by(rows: Iterable[tuple[int, date]]) -> dict[int, date]:
    out: dict[int, date] = {}
    for key, on in rows:
        if key not in out or on < out[key]:
            out[key] = on
    return out


def build(records: Records, *, since: date | None = None) -> Facts:
    """Turn rows into clocks and events (one pass over each table).

    With `since`, contacts decided before that day are left out: a decided contact can only
    show as done, and only when decided on or after the shown window's first day.
    """
    with paused_gc():
        return _build(records, since)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small, acyclic objects.

    Without this, collections triggered by allocation re-scan every row already built, which
    more than doubles the time for a large authority.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _build(records: Records, since: date | None) -> Facts:
    f = Facts()
    clocks, events = f.clocks, f.events
    f.dob = {c.id: c.date_of_birth for c in records.children}
    for a in sorted(records.allocations, key=lambda a: a.start_date):
        # The latest allocation wins; a named worker wins over an unallocated wait.
        held = f.holder.get(a.child_id)
        if held is None or a.worker_id is not None or held[0] is None:
            f.holder[a.child_id] = (a.worker_id, a.team_id)
    for c in records.contacts:
        if since is not None and c.decision_date is not None and c.decision_date < since:
            continue
        clocks["contact"].append(Clock(c.child_id, c.id, c.contact_date, None))
        if c.decision_date is not None:
            events["contact_decision"][c.child_id].append((c.decision_date, c.id))
    episode_child: dict[int, int] = {}
    for e in records.episodes:
        episode_child[e.id] = e.child_id
        if not e.referral_nfa:
            clocks["referral"].append(Clock(e.child_id, e.id, e.referral_date, e.closure_date))
    for ass in records.assessments:
        child = episode_child.get(ass.episode_id)
        if child is not None and ass.authorisation_date is not None:
            events["assessment_authorised"][child].append((ass.authorisation_date, ass.episode_id))
    for s in records.section47s:
        child = episode_child.get(s.episode_id)
        if child is None:
            continue
        # The clock stops without a conference when the enquiry ends without needing one.
        no_icpc = s.icpc_not_required or (s.end_date is not None and s.outcome in {"cin", "nfa"})
        end = s.end_date if no_icpc else None
        clocks["section47"].append(Clock(child, s.episode_id, s.discussion_date, end))
    for p in records.plans:
        child = episode_child.get(p.episode_id)
        if child is not None:
            clocks["cp_plan"].append(Clock(child, p.id, p.start_date, p.end_date))
    for conf in records.conferences:
        child = episode_child.get(conf.episode_id)
        if child is None:
            continue
        if conf.kind == "initial":
            events["initial_conference"][child].append((conf.conference_date, conf.episode_id))
        elif conf.plan_id is not None:
            events["review_conference"][child].append((conf.conference_date, conf.plan_id))
    for p in records.cin_plans:
        child = episode_child.get(p.episode_id)
        if child is not None:
            clocks["cin_plan"].append(Clock(child, p.id, p.start_date, p.end_date))
    for v in records.visits:
        if v.outcome == "completed" and v.child_seen:
            events["child_seen"][v.child_id].append((v.visit_date, None))
    for cp in records.care_periods:
        clocks["care_period"].append(Clock(cp.child_id, cp.id, cp.start_date, cp.end_date))
    for ce in records.care_episodes:
        if ce.reason_new_episode not in _NOT_A_PLACEMENT_START:
            events["placement_start"][ce.child_id].append((ce.start_date, ce.period_id))
    for r in records.reviews:
        events["cla_review"][r.child_id].append((r.review_date, r.period_id))
    for h in records.health:
        if h.kind == "initial":
            events["health_initial"][h.child_id].append((h.assessment_date, None))
        if h.kind == "review":
            events["health_review"][h.child_id].append((h.assessment_date, None))
    # Review health assessments run from the initial one, within the same period of care.
    first_iha = _first_by(
        (h.child_id, h.assessment_date) for h in records.health if h.kind == "initial"
    )
    for cp in records.care_periods:
        iha = first_iha.get(cp.child_id)
        if iha is not None and cp.start_date <= iha and (cp.end_date is None or iha <= cp.end_date):
            clocks["health_checked"].append(Clock(cp.child_id, cp.id, iha, cp.end_date))
    for g in records.core_groups:
        events["core_group"][g.child_id].append((g.on, None))
    for p in records.plans:
        child = episode_child.get(p.episode_id)
        if child is None:
            continue
        # The first core group of this plan starts the 4-weekly clock.
        firsts = [
            on
            for on, _ in events["core_group"].get(child, [])
            if on >= p.start_date and (p.end_date is None or on <= p.end_date)
        ]
        if firsts:
            clocks["first_core_group"].append(Clock(child, p.id, min(firsts), p.end_date))
    for g in records.peps:
        events["pep"][g.child_id].append((g.on, None))
    first_pathway = _first_by((p.child_id, p.pathway_plan_date) for p in records.pathway_plans)
    for child, start in first_pathway.items():
        dob = f.dob.get(child)
        # Pathway plans are kept under review to 21 (25 in education or training; not recorded).
        end = add_years(dob, 21) if dob is not None else None
        clocks["pathway_plan"].append(Clock(child, child, start, end))
    for pw in records.pathway_plans:
        events["pathway_plan"][pw.child_id].append((pw.pathway_plan_date, None))
    for child, periods in _periods_by_child(records.care_periods).items():
        eligible = eligible_from(f.dob.get(child), periods)
        if eligible is not None:
            on, end = eligible
            clocks["eligible_at_16"].append(Clock(child, child, on, end))
    for na in records.needs_assessments:
        events["needs_assessment"][na.child_id].append((na.on, None))
    for st in records.staff:
        if st.role not in SUPERVISED_ROLES:
            continue
        clocks["staff_start"].append(Clock(st.id, st.id, st.start_date, st.end_date))
        f.staff_team[st.id] = st.team_id
        if st.newly_qualified:
            f.newly_qualified.add(st.id)
    for sv in records.supervisions:
        events["supervision"][sv.staff_id].append((sv.on, None))
    for by_child in events.values():
        for lst in by_child.values():
            lst.sort()
    for lt in records.long_term_placements:
        f.settled_from[lt.period_id] = lt.from_date
    f.late_reasons = {(r.child_id, r.rule_id, r.due_date): r.reason for r in records.late_reasons}
    return f
