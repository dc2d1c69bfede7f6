"""The rows of each Annex A list, worked out from an authority's records for a 12-month window.

Every list covers the window `start` to `end` inclusive (the 12 months before the inspection, or
for an export by collection year 1 April to 31 March). A row is one contact, referral, assessment
or enquiry (lists 1, 3, 4, 5) or one child (lists 6 to 10: the child's latest episode, plan,
period of care, care leaver record or adoption in the window). Cells are str, int, date or None
(blank); the writer turns dates into Excel dates. Ages are whole years at `end`.

Choices where Annex A leaves room, so a reader can check them:

- "Number of Referrals / Section 47 Enquiries / ICPCs in the last 12 months" count the child's
  others in the 12 months before this one's date, not this one (data-to-insight's reading).
- Allocated team and worker are the child's social worker allocation in force on the row's date
  (the referral, assessment or enquiry date; for lists 6 to 8 the day the episode, plan or
  period ended, or `end` while it is open; for list 9 `end`, falling back to the personal
  adviser allocation); blank when the child was unallocated then.
- Case status (list 6) is taken at `end`, in Annex A's order: closed, looked after (not short
  breaks), child protection plan, child in need plan, open assessment; else child in need plan.
- A placement (list 8) starts with an episode whose reason for new episode is S, P or B; L, T
  and U continue the placement (see `safeguard.core.codes`, RNE).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import Final, TypeVar

from safeguard.core.codes import SHORT_BREAK_LEGAL_STATUSES
from safeguard.core.records import (
    Allocation,
    AuthorityRecords,
    CINEpisode,
    LookedAfterEpisode,
    LookedAfterPeriod,
)
from safeguard.returns.annex_a import labels

Cell = str | int | date | None
Row = tuple[Cell, ...]
T = TypeVar("T")

NEW_PLACEMENT: Final = frozenset({"S", "P", "B"})
EMERGENCY_LEGAL_STATUSES: Final = frozenset({"L1", "L2"})
FFA_PLACEMENTS: Final = frozenset({"U2", "U5"})


def years_before(day: date, years: int) -> date:
    """The same day `years` earlier (28 February for 29 February in a non-leap year)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def window_start(end: date) -> date:
    """The first day of the 12 months that end on `end`."""
    return years_before(end, 1) + timedelta(days=1)


def age_in_years(birth: date | None, on: date) -> int | None:
    """Whole years from `birth` to `on`; None for a child not yet born or with no birth date."""
    if birth is None or birth > on:
        return None
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _overlaps(first: date, last: date | None, start: date, end: date) -> bool:
    return first <= end and (last is None or last >= start)


def _latest(items: Iterable[T], key: Callable[[T], date]) -> T | None:
    best: T | None = None
    for item in items:
        if best is None or key(item) >= key(best):
            best = item
    return best


def _within(day: date | None, end: date) -> date | None:
    """`day` if it falls on or before `end`; a later date is not yet known at `end`."""
    return day if day is not None and day <= end else None


class AnnexAIndex:
    """The records arranged for the lists: by id and by child, each child's rows in date order."""

    def __init__(self, records: AuthorityRecords, start: date, end: date) -> None:
        self.start = start
        self.end = end
        self.persons = {p.id: p for p in records.persons}
        self.disabled = {d.person_id for d in records.disabilities if d.code not in ("", "NONE")}
        self.teams = {t.id: t.name for t in records.teams}
        self.staff = {s.id: f"{s.first_name} {s.last_name}".strip() for s in records.staff}
        self.episode_child = {e.id: e.child_id for e in records.cin_episodes}

        self.allocations: dict[tuple[int, str], list[Allocation]] = defaultdict(list)
        for allocation in records.allocations:
            self.allocations[allocation.child_id, allocation.kind].append(allocation)
        for rows in self.allocations.values():
            rows.sort(key=lambda a: (a.start_date, a.id))

        self.care_periods: dict[int, list[LookedAfterPeriod]] = defaultdict(list)
        for period in records.care_periods:
            self.care_periods[period.child_id].append(period)
        for periods in self.care_periods.values():
            periods.sort(key=lambda p: (p.start_date, p.id))
        self.care_episodes: dict[int, list[LookedAfterEpisode]] = defaultdict(list)
        for episode in records.care_episodes:
            self.care_episodes[episode.period_id].append(episode)
        self.child_episodes: dict[int, list[LookedAfterEpisode]] = defaultdict(list)
        for episode in records.care_episodes:
            self.child_episodes[episode.child_id].append(episode)
        for group in (*self.care_episodes.values(), *self.child_episodes.values()):
            group.sort(key=lambda e: (e.start_date, e.id))

    def common(self, child_id: int) -> Row:
        """Child Unique ID, Gender, Ethnicity, Date of Birth, Age of Child (Years)."""
        person = self.persons[child_id]
        return (
            person.la_person_id,
            labels.GENDER.get(person.sex, labels.GENDER_UNKNOWN),
            labels.ETHNICITY.get(person.ethnicity, labels.ETHNICITY_UNKNOWN),
            person.date_of_birth,
            age_in_years(person.date_of_birth, self.end),
        )

    def disability(self, child_id: int) -> str:
        return labels.YES if child_id in self.disabled else labels.NO

    def allocated(
        self, child_id: int, on: date, kind: str = "social_worker"
    ) -> tuple[str | None, str | None]:
        """Allocated Team and Allocated Worker: the allocation of `kind` in force on `on`."""
        current: Allocation | None = None
        for allocation in self.allocations.get((child_id, kind), ()):
            if allocation.start_date > on:
                break
            if allocation.end_date is None or allocation.end_date >= on:
                current = allocation
        if current is None:
            return None, None
        worker = None if current.worker_id is None else self.staff.get(current.worker_id)
        return self.teams.get(current.team_id), worker

    def looked_after_on(self, child_id: int, day: date) -> bool:
        """True if the child is in an episode on `day` other than a short break."""
        return any(
            e.start_date <= day
            and (e.end_date is None or e.end_date > day)
            and e.legal_status not in SHORT_BREAK_LEGAL_STATUSES
            for e in self.child_episodes.get(child_id, ())
        )


def _count_before(days: Sequence[date], day: date) -> int:
    """How many of the sorted `days` fall in the 12 months before `day` (not on it)."""
    first = years_before(day, 1)
    return sum(1 for d in days if first <= d < day)


def list_1(records: AuthorityRecords, ix: AnnexAIndex) -> list[Row]:
    """Contacts received in the window, one row per contact."""
    contacts = sorted(
        (c for c in records.contacts if ix.start <= c.contact_date <= ix.end),
        key=lambda c: (c.contact_date, c.id),
    )
    return [
        (*ix.common(c.child_id), c.contact_date, labels.SOURCE.get(c.source, c.source))
        for c in contacts
    ]


def list_3(records: AuthorityRecords, ix: AnnexAIndex) -> list[Row]:
    """Referrals received in the window, one row per referral."""
    dates: dict[int, list[date]] = defaultdict(list)
    for episode in records.cin_episodes:
        dates[episode.child_id].append(episode.referral_date)
    referrals = sorted(
        (e for e in records.cin_episodes if ix.start <= e.referral_date <= ix.end),
        key=lambda e: (e.referral_date, e.id),
    )
    return [
        (
            *ix.common(e.child_id),
            e.referral_date,
            labels.SOURCE.get(e.referral_source, e.referral_source),
            labels.YES if e.referral_nfa else labels.NO,
            _count_before(dates[e.child_id], e.referral_date),
            *ix.allocated(e.child_id, e.referral_date),
        )
        for e in referrals
    ]


def list_4(records: AuthorityRecords, ix: AnnexAIndex) -> list[Row]:
    """Assessments open at any time in the window, one row per assessment."""
    rows: list[Row] = []
    assessments = sorted(
        (
            a
            for a in records.assessments
            if _overlaps(a.start_date, a.authorisation_date, ix.start, ix.end)
        ),
        key=lambda a: (a.start_date, a.id),
    )
    for a in assessments:
        child = ix.episode_child[a.episode_id]
        authorised = _within(a.authorisation_date, ix.end)
        support = None
        if authorised is not None and a.requires_support is not None:
            support = labels.YES if a.requires_support else labels.NO
        seen = None if a.child_seen is None else (labels.YES if a.child_seen else labels.NO)
        rows.append(
            (
                *ix.common(child),
                ix.disability(child),
                a.start_date,
                seen,
                authorised,
                support,
                *ix.allocated(child, a.start_date),
            )
        )
    return rows


def list_5(records: AuthorityRecords, ix: AnnexAIndex) -> list[Row]:
    """Section 47 enquiries open at any time in the window, one row per enquiry."""
    discussions = {s.id: s.discussion_date for s in records.strategy_discussions}
    initial = [c for c in records.conferences if c.kind == "initial"]
    icpc_of = {c.section47_id: c for c in initial if c.section47_id is not None}
    s47_dates: dict[int, list[date]] = defaultdict(list)
    for s in records.section47s:
        s47_dates[ix.episode_child[s.episode_id]].append(s.start_date)
    icpc_dates: dict[int, list[date]] = defaultdict(list)
    for c in initial:
        icpc_dates[ix.episode_child[c.episode_id]].append(c.conference_date)
    enquiries = sorted(
        (s for s in records.section47s if _overlaps(s.start_date, s.end_date, ix.start, ix.end)),
        key=lambda s: (s.start_date, s.id),
    )
    rows: list[Row] = []
    for s in enquiries:
        child = ix.episode_child[s.episode_id]
        strategy = (
            discussions.get(s.strategy_discussion_id) if s.strategy_discussion_id else None
        ) or s.start_date
        icpc = icpc_of.get(s.id)
        if icpc is not None and icpc.conference_date > ix.end:
            icpc = None
        unnecessary = labels.YES if s.icpc_not_required else (labels.NO if icpc else None)
        plan = None
        if icpc is not None:
            made = (
                icpc.plan_required if icpc.plan_required is not None else icpc.plan_id is not None
            )
            plan = labels.YES if made else labels.NO
        rows.append(
            (
                *ix.common(child),
                ix.disability(child),
                strategy,
                unnecessary,
                None if icpc is None else icpc.conference_date,
                plan,
                _count_before(s47_dates[child], s.start_date),
                _count_before(icpc_dates[child], s.start_date),
                *ix.allocated(child, s.start_date),
            )
        )
    return rows


def _latest_per_child(
    items: Iterable[T], child: Callable[[T], int], key: Callable[[T], date]
) -> list[T]:
    by_child: dict[int, list[T]] = defaultdict(list)
    for item in items:
        by_child[child(item)].append(item)
    chosen = [_latest(group, key) for group in by_child.values()]
    return [c for c in chosen if c is not None]


def list_6(records: AuthorityRecords, ix: AnnexAIndex) -> list[Row]:
    """Children in need: each child's latest episode open in the window (not referral-only)."""
    end = ix.end
    open_plans = {
        ix.episode_child[p.episode_id]
        for p in records.cp_plans
        if p.start_date <= end and (p.end_date is None or p.end_date > end)
    }
    open_cin_plans = {
        ix.episode_child[p.episode_id]
        for p in records.cin_plans
        if p.start_date <= end and (p.end_date is None or p.end_date > end)
    }
    open_assessments = {
        ix.episode_child[a.episode_id]
        for a in records.assessments
        if a.start_date <= end and (a.authorisation_date is None or a.authorisation_date > end)
    }
    seen: dict[int, list[date]] = defaultdict(list)
    for v in records.visits:
        if v.child_seen and v.outcome in ("", "completed") and v.visit_date <= end:
            seen[v.child_id].append(v.visit_date)

    def status(e: CINEpisode) -> str:
        if e.closure_date is not None and e.closure_date <= end:
            return labels.CASE_STATUS_CLOSED
        if ix.looked_after_on(e.child_id, end):
            return labels.CASE_STATUS_LOOKED_AFTER
        if e.child_id in open_plans:
            return labels.CASE_STATUS_CP_PLAN
        if e.child_id in open_cin_plans:
            return labels.CASE_STATUS_CIN_PLAN
        if e.child_id in open_assessments:
            return labels.CASE_STATUS_OPEN_ASSESSMENT
        return labels.CASE_STATUS_CIN_PLAN

    episodes = _latest_per_child(
        (
            e
            for e in records.cin_episodes
            if not e.referral_nfa and _overlaps(e.referral_date, e.closure_date, ix.start, end)
        ),
        lambda e: e.child_id,
        lambda e: e.referral_date,
    )
    rows: list[Row] = []
    for e in sorted(episodes, key=lambda e: (e.referral_date, e.id)):
        closed = _within(e.closure_date, end)
        last_seen = max(
            (d for d in seen.get(e.child_id, ()) if e.referral_date <= d <= (closed or end)),
            default=None,
        )
        rows.append(
            (
                *ix.common(e.child_id),
                ix.disability(e.child_id),
                e.referral_date,
                labels.NEED.get(e.primary_need, e.primary_need or None),
                last_seen,
                closed,
                labels.coded("ReasonForClosure", e.closure_reason) if closed else None,
                status(e),
                *ix.allocated(e.child_id, closed or end),
            )
        )
    return rows


def list_7(records: AuthorityRecords, ix: AnnexAIndex) -> list[Row]:
    """Child protection: each child's latest plan open at any time in the window."""
    end = ix.end
    plans_by_child: dict[int, list[date]] = defaultdict(list)
    for p in records.cp_plans:
        plans_by_child[ix.episode_child[p.episode_id]].append(p.start_date)
    visits = defaultdict(list)
    for v in records.visits:
        if v.kind == "cp" and v.visit_date <= end:
            visits[v.child_id].append(v)
    reviews: dict[int, list[date]] = defaultdict(list)
    for c in records.conferences:
        if c.kind == "review" and c.plan_id is not None and c.conference_date <= end:
            reviews[c.plan_id].append(c.conference_date)
    plans = _latest_per_child(
        (p for p in records.cp_plans if _overlaps(p.start_date, p.end_date, ix.start, end)),
        lambda p: ix.episode_child[p.episode_id],
        lambda p: p.start_date,
    )
    rows: list[Row] = []
    for p in sorted(plans, key=lambda p: (p.start_date, p.id)):
        child = ix.episode_child[p.episode_id]
        ended = _within(p.end_date, end)
        until = ended or end
        visit = _latest(
            (v for v in visits.get(child, ()) if p.start_date <= v.visit_date <= until),
            lambda v: v.visit_date,
        )
        six_months_before = until - timedelta(days=183)
        protected = any(
            e.legal_status in EMERGENCY_LEGAL_STATUSES
            and _overlaps(e.start_date, e.end_date, six_months_before, until)
            for e in ix.child_episodes.get(child, ())
        )
        previous = p.number_of_previous_plans
        if previous is None:
            previous = sum(1 for d in plans_by_child[child] if d < p.start_date)
        rows.append(
            (
                *ix.common(child),
                ix.disability(child),
                p.start_date,
                labels.ABUSE.get(p.initial_category, p.initial_category or None),
                labels.ABUSE.get(p.latest_category, p.latest_category or None),
                None if visit is None else visit.visit_date,
                None if visit is None else labels.yes_no(visit.seen_alone),
                max(reviews.get(p.id, ()), default=None),
                ended,
                labels.YES if protected else labels.NO,
                previous,
                *ix.allocated(child, until),
            )
        )
    return rows


def _latest_between(days: Iterable[date], first: date, last: date) -> date | None:
    return max((d for d in days if first <= d <= last), default=None)


def _placement_starts(episodes: Sequence[LookedAfterEpisode]) -> list[date]:
    """The start date of the placement each episode belongs to (episodes in date order)."""
    starts: list[date] = []
    current: date | None = None
    for e in episodes:
        if current is None or e.reason_new_episode in NEW_PLACEMENT:
            current = e.start_date
        starts.append(current)
    return starts


def list_8(records: AuthorityRecords, ix: AnnexAIndex) -> list[Row]:
    """Children in care: each child's latest period of care open at any time in the window."""
    start, end = ix.start, ix.end
    reviews: dict[int, list[date]] = defaultdict(list)
    for r in records.care_reviews:
        reviews[r.period_id].append(r.review_date)
    visits: dict[int, list[date]] = defaultdict(list)
    for v in records.visits:
        if v.kind == "cla":
            visits[v.child_id].append(v.visit_date)
    health: dict[int, list[date]] = defaultdict(list)
    dental: dict[int, list[date]] = defaultdict(list)
    for h in records.health_assessments:
        (dental if h.kind == "dental" else health)[h.child_id].append(h.assessment_date)
    missing = defaultdict(list)
    for m in records.missing_episodes:
        if m.start_date <= end:
            missing[m.child_id].append(m)

    periods = _latest_per_child(
        (p for p in records.care_periods if _overlaps(p.start_date, p.end_date, start, end)),
        lambda p: p.child_id,
        lambda p: p.start_date,
    )
    rows: list[Row] = []
    for period in sorted(periods, key=lambda p: (p.start_date, p.id)):
        child = period.child_id
        person = ix.persons[child]
        episodes = [e for e in ix.care_episodes.get(period.id, ()) if e.start_date <= end]
        if not episodes:
            continue
        latest = episodes[-1]
        ceased = _within(period.end_date, end)
        until = ceased or end
        in_window = [
            p
            for p in ix.care_periods.get(child, ())
            if _overlaps(p.start_date, p.end_date, start, end)
        ]
        subsequent = in_window[0].id != period.id
        status_start = latest.start_date
        for e in reversed(episodes):
            if e.legal_status != latest.legal_status:
                break
            status_start = e.start_date
        placement_starts = _placement_starts(episodes)
        placements = {
            s
            for e, s in zip(episodes, placement_starts, strict=True)
            if _overlaps(e.start_date, e.end_date, start, end)
        }
        child_missing = [m for m in missing.get(child, ()) if start <= m.start_date <= end]
        last_missing = _latest(
            (m for m in missing.get(child, ()) if m.kind == "M"), lambda m: m.start_date
        )

        uasc = person.is_unaccompanied_asylum_seeker and (
            person.uasc_ceased_date is None or person.uasc_ceased_date >= start
        )
        rows.append(
            (
                *ix.common(child),
                labels.YES if uasc else labels.NO,
                ix.disability(child),
                period.start_date,
                labels.NEED.get(latest.category_of_need, latest.category_of_need or None),
                labels.YES if subsequent else labels.NO,
                status_start,
                labels.coded("LS", latest.legal_status) or None,
                _latest_between(reviews.get(period.id, ()), period.start_date, until),
                _latest_between(visits.get(child, ()), period.start_date, until),
                None,  # permanence plan: not recorded in Safeguard
                None,  # IRO visit or contact: not recorded in Safeguard
                max((d for d in health.get(child, ()) if d <= until), default=None),
                max((d for d in dental.get(child, ()) if d <= until), default=None),
                len(placements),
                ceased,
                (labels.coded("REC", latest.reason_ceased) or None) if ceased else None,
                placement_starts[-1],
                labels.coded("PLACE", latest.placement_type) or None,
                labels.coded("PLACE_PROVIDER", latest.placement_provider) or None,
                latest.placement_postcode or None,
                latest.urn or None,
                None,  # placement location (in or out of the authority): not recorded
                None,  # LA of placement: not recorded
                sum(1 for m in child_missing if m.kind == "M"),
                sum(1 for m in child_missing if m.kind == "A"),
                None
                if last_missing is None
                else labels.yes_no(last_missing.return_interview_offered),
                None
                if last_missing is None
                else labels.yes_no(last_missing.return_interview_accepted),
                *ix.allocated(child, until),
            )
        )
    return rows


def list_9(records: AuthorityRecords, ix: AnnexAIndex) -> list[Row]:
    """Care leavers: each young person's latest care leaver record made in the window."""
    pathway: dict[int, list[date]] = defaultdict(list)
    for r in records.pathway_reviews:
        pathway[r.child_id].append(r.review_date)
    leavers = _latest_per_child(
        (c for c in records.care_leaver_records if ix.start <= c.recorded_on <= ix.end),
        lambda c: c.child_id,
        lambda c: c.recorded_on,
    )
    rows: list[Row] = []
    for c in sorted(leavers, key=lambda c: (c.recorded_on, c.id)):
        person = ix.persons[c.child_id]
        reviewed = max(
            (d for d in (c.pathway_plan_date, *pathway.get(c.child_id, ())) if d and d <= ix.end),
            default=None,
        )
        allocated = ix.allocated(c.child_id, ix.end)
        if allocated == (None, None):
            allocated = ix.allocated(c.child_id, ix.end, "personal_adviser")
        suitable = c.accommodation_suitable
        if suitable is None and len(c.accommodation) == 2 and c.accommodation[1] in "12":
            suitable = c.accommodation[1] == "1"
        rows.append(
            (
                *ix.common(c.child_id),
                ix.disability(c.child_id),
                labels.YES if person.is_unaccompanied_asylum_seeker else labels.NO,
                *allocated,
                None if c.personal_adviser_id is None else ix.staff.get(c.personal_adviser_id),
                labels.ELIGIBILITY.get(c.eligibility, c.eligibility or None),
                labels.IN_TOUCH.get(c.in_touch, c.in_touch or None),
                reviewed,
                _within(c.latest_contact_date, ix.end),
                c.accommodation[:1] if c.accommodation not in ("", "0") else None,
                None if suitable is None else (labels.SUITABLE if suitable else labels.UNSUITABLE),
                c.activity if c.activity not in ("", "0") else None,
            )
        )
    return rows


def list_10(records: AuthorityRecords, ix: AnnexAIndex) -> list[Row]:
    """Adoption: children with an adoption step in the window, or a plan for adoption still open
    at its start (decided, no order yet, not reversed)."""
    start, end = ix.start, ix.end
    rows: list[Row] = []
    for a in sorted(records.adoptions, key=lambda a: (a.decision_date or end, a.id)):
        steps = [
            d
            for d in (
                a.decision_date,
                a.placement_order_date,
                a.matched_date,
                a.placed_date,
                a.adoption_order_date,
                a.no_longer_planned_date,
            )
            if d is not None
        ]
        if not steps or min(steps) > end:
            continue
        open_at_start = (
            a.decision_date is not None
            and a.decision_date <= end
            and (a.adoption_order_date is None or a.adoption_order_date >= start)
            and (a.no_longer_planned_date is None or a.no_longer_planned_date >= start)
        )
        if not (open_at_start or any(start <= d <= end for d in steps)):
            continue
        common = ix.common(a.child_id)
        periods = ix.care_periods.get(a.child_id, [])
        first_step = min(steps)
        starts = [p.start_date for p in periods]
        entered = (
            starts[bisect_right(starts, first_step) - 1]
            if starts and starts[0] <= first_step
            else None
        )
        ffa = next(
            (
                e.start_date
                for e in ix.child_episodes.get(a.child_id, ())
                if e.placement_type in FFA_PLACEMENTS and e.start_date <= end
            ),
            None,
        )
        no_longer = _within(a.no_longer_planned_date, end)
        rows.append(
            (
                common[0],
                None,  # family identifier: adopters are not recorded in Safeguard
                *common[1:],
                ix.disability(a.child_id),
                entered,
                _within(a.decision_date, end),
                _within(a.placement_order_date, end),
                _within(a.matched_date, end),
                _within(a.placed_date, end),
                _within(a.adoption_order_date, end),
                no_longer,
                (a.no_longer_planned_reason or None) if no_longer else None,
                ffa,
            )
        )
    return rows


def no_rows(records: AuthorityRecords, ix: AnnexAIndex) -> list[Row]:
    """A list Safeguard holds no data for (early help assessments, adopters): headings only."""
    return []


BUILDERS: Final[dict[int, Callable[[AuthorityRecords, AnnexAIndex], list[Row]]]] = {
    1: list_1,
    2: no_rows,
    3: list_3,
    4: list_4,
    5: list_5,
    6: list_6,
    7: list_7,
    8: list_8,
    9: list_9,
    10: list_10,
    11: no_rows,
}


def annex_a_rows(records: AuthorityRecords, end: date) -> dict[int, list[Row]]:
    """Every list's rows for the 12 months ending on `end`, by list number."""
    ix = AnnexAIndex(records, window_start(end), end)
    return {number: build(records, ix) for number, build in BUILDERS.items()}
