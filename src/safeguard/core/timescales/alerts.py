"""Gap alerts from the case reviews: each fires on facts, says why, and reads its threshold from data.

The alerts (thresholds and windows in `rules.ALERTS`, overridable per council):

* ``not_seen``: the child's visit item (child protection, child in need, looked after) is
  overdue, i.e. they have not been seen as often as their plan requires.
* ``not_seen_alone``: at each of the last K visits where the child was seen (K = threshold,
  within the window, children of `min_age` or more), they were not seen alone.
* ``no_access``: threshold or more visits with no access or refused within the window.
* ``repeat_referrals``: threshold or more contacts in the window, whoever made them; contacts
  from family members (source 1A) count like any other and are named in the explanation.
* ``nfa_after_referrals``: a contact in the window closed with no further action after
  threshold or more earlier contacts in the 12 months before it.
* ``domestic_abuse``: threshold or more police notifications (contacts from source 6) in the
  window for a child whose assessment identified domestic abuse (factors 3A, 3B or 3C). Safeguard
  does not record the subject of a police notification, so this is the signal chosen: repeated
  police contacts about a child in a household where domestic abuse is known.
* ``unknown_adult``: a current member of the child's household is an adult whose identity has
  not been established (HouseholdMember.is_unknown_adult).
* ``school_status``: a school feed reports, within the window, that a child with an open or
  recent (within the window) episode or period of care is electively home educated or missing
  education.

Alerts are worked out for children known to the service on `as_at`: with an open allocation,
an open episode or an open period of care (and, for the school feed, a recent one).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from safeguard.core.calendar import add_working_days
from safeguard.core.timescales.engine import Status, WorkItem, work_items
from safeguard.core.timescales.facts import Records, paused_gc
from safeguard.core.timescales.intervals import Unit, add_months, format_day
from safeguard.core.timescales.rules import DEFAULT_SETTINGS, AlertRule, Settings

FAMILY_SOURCES = frozenset({"1A"})
POLICE_SOURCES = frozenset({"6"})
DOMESTIC_ABUSE_FACTORS = frozenset({"3A", "3B", "3C"})
SCHOOL_STATUSES_OF_CONCERN = {
    "ehe": "withdrawn to elective home education",
    "cme": "missing education",
}


@dataclass(frozen=True)
class Alert:
    """A gap in a child's care that someone should look at now, and why it fired."""

    child_id: int
    alert_id: str
    title: str
    explanation: str
    worker_id: int | None
    team_id: int | None


def _back(rule: AlertRule, on: date) -> date:
    """The first day of the alert's window ending on `on`."""
    n, unit = rule.window.n, rule.window.unit
    if unit is Unit.MONTHS:
        return add_months(on, -n)
    if unit is Unit.WORKING_DAYS:
        return add_working_days(on, -n)
    if unit is Unit.TERMS:
        return add_months(on, -4 * n)
    return on - timedelta(days=n * (7 if unit is Unit.WEEKS else 1))


def _known(records: Records, as_at: date) -> set[int]:
    known = {a.child_id for a in records.allocations}
    known.update(
        e.child_id
        for e in records.episodes
        if e.referral_date <= as_at and (e.closure_date is None or e.closure_date > as_at)
    )
    known.update(
        p.child_id
        for p in records.care_periods
        if p.start_date <= as_at and (p.end_date is None or p.end_date > as_at)
    )
    return known


def gap_alerts(
    records: Records,
    *,
    as_at: date,
    settings: Settings = DEFAULT_SETTINGS,
    items: Iterable[WorkItem] | None = None,
    child_ids: Iterable[int] | None = None,
) -> list[Alert]:
    """Every alert that fires on `as_at`, in child and alert order.

    `items` are the work items for the same records and date (computed if not given); the
    ``not_seen`` alert reads the overdue visit items. `child_ids` limits the answer.
    """
    with paused_gc():
        return _gap_alerts(records, as_at, settings, items, child_ids)


def _gap_alerts(
    records: Records,
    as_at: date,
    settings: Settings,
    items: Iterable[WorkItem] | None,
    child_ids: Iterable[int] | None,
) -> list[Alert]:
    by_id = {a.id: a for a in settings.alerts}
    known = _known(records, as_at)
    if child_ids is not None:
        known &= set(child_ids)
    holder: dict[int, tuple[int | None, int | None]] = {}
    for a in sorted(records.allocations, key=lambda a: a.start_date):
        held = holder.get(a.child_id)
        if held is None or a.worker_id is not None or held[0] is None:
            holder[a.child_id] = (a.worker_id, a.team_id)
    out: list[Alert] = []

    def fire(child: int, rule: AlertRule, explanation: str) -> None:
        worker, team = holder.get(child, (None, None))
        out.append(Alert(child, rule.id, rule.title, explanation, worker, team))

    dob = {c.id: c.date_of_birth for c in records.children}
    visits: dict[int, list[tuple[date, str, bool, bool]]] = defaultdict(list)
    for v in records.visits:
        if v.child_id in known and v.visit_date <= as_at:
            visits[v.child_id].append((v.visit_date, v.outcome, v.child_seen, v.seen_alone))
    for lst in visits.values():
        lst.sort()

    rule = by_id.get("not_seen")
    if rule is not None:
        if items is None:
            items = work_items(records, as_at=as_at, settings=settings, child_ids=known)
        for item in items:
            if item.action != "visit" or item.status is not Status.OVERDUE:
                continue
            if item.child_id not in known:
                continue
            late = (as_at - item.due).days
            if late < rule.threshold:
                continue
            seen = [
                d
                for d, outcome, s, _ in visits.get(item.child_id, ())
                if s and outcome == "completed"
            ]
            last = f"last seen {format_day(seen[-1])}" if seen else "no visit recorded"
            fire(
                item.child_id,
                rule,
                f"Not seen for {late} days beyond the plan ({last}): {item.explanation}",
            )

    rule = by_id.get("not_seen_alone")
    if rule is not None and rule.threshold > 0:
        since = _back(rule, as_at)
        for child, lst in visits.items():
            born = dob.get(child)
            if born is None or (as_at - born).days < rule.min_age * 365.25:
                continue
            seen_at = [
                (d, alone)
                for d, outcome, s, alone in lst
                if s and outcome == "completed" and d >= since
            ]
            lastk = seen_at[-rule.threshold :]
            if len(lastk) == rule.threshold and not any(alone for _, alone in lastk):
                fire(
                    child,
                    rule,
                    f"Not seen alone at the last {rule.threshold} visits "
                    f"({format_day(lastk[0][0])} to {format_day(lastk[-1][0])}); "
                    f"lesson: {rule.lesson}",
                )

    rule = by_id.get("no_access")
    if rule is not None and rule.threshold > 0:
        since = _back(rule, as_at)
        for child, lst in visits.items():
            failed = [(d, o) for d, o, _, _ in lst if o in {"no_access", "refused"} and d >= since]
            if len(failed) >= rule.threshold:
                kinds = ", ".join(f"{format_day(d)} ({o.replace('_', ' ')})" for d, o in failed)
                fire(
                    child,
                    rule,
                    f"{len(failed)} visits without access or refused since {format_day(since)}: "
                    f"{kinds}; lesson: {rule.lesson}",
                )

    contacts: dict[int, list[tuple[date, str, str]]] = defaultdict(list)
    for c in records.contacts:
        if c.child_id in known and c.contact_date <= as_at:
            contacts[c.child_id].append((c.contact_date, c.source, c.outcome))
    for cl in contacts.values():
        cl.sort()

    rule = by_id.get("repeat_referrals")
    if rule is not None and rule.threshold > 0:
        since = _back(rule, as_at)
        for child, cl in contacts.items():
            recent = [(d, s) for d, s, _ in cl if d >= since]
            if len(recent) >= rule.threshold:
                family = sum(1 for _, s in recent if s in FAMILY_SOURCES)
                who = f", {family} from family members" if family else ""
                fire(
                    child,
                    rule,
                    f"{len(recent)} contacts since {format_day(since)}{who} "
                    f"(sources {', '.join(s for _, s in recent)}); lesson: {rule.lesson}",
                )

    rule = by_id.get("nfa_after_referrals")
    if rule is not None and rule.threshold > 0:
        since = _back(rule, as_at)
        nfa_episodes = {(e.child_id, e.referral_date) for e in records.episodes if e.referral_nfa}
        for child, cl in contacts.items():
            for i, (d, _s, outcome) in enumerate(cl):
                if d < since or not (outcome == "nfa" or (child, d) in nfa_episodes):
                    continue
                year_before = _back(rule, d)
                earlier = [e for e, _, _ in cl[:i] if year_before <= e < d]
                if len(earlier) >= rule.threshold:
                    fire(
                        child,
                        rule,
                        f"Contact on {format_day(d)} closed with no further action after "
                        f"{len(earlier)} earlier contacts since {format_day(year_before)}; "
                        f"lesson: {rule.lesson}",
                    )
                    break

    rule = by_id.get("domestic_abuse")
    if rule is not None and rule.threshold > 0:
        since = _back(rule, as_at)
        episode_child = {e.id: e.child_id for e in records.episodes}
        abuse: dict[int, set[str]] = defaultdict(set)
        for ass in records.assessments:
            child_of = episode_child.get(ass.episode_id)
            if child_of is not None and ass.authorisation_date is not None:
                found = DOMESTIC_ABUSE_FACTORS.intersection(ass.factors)
                if found and ass.authorisation_date <= as_at:
                    abuse[child_of] |= found
        for child, cl in contacts.items():
            if child not in abuse:
                continue
            police = [d for d, s, _ in cl if s in POLICE_SOURCES and d >= since]
            if len(police) >= rule.threshold:
                fire(
                    child,
                    rule,
                    f"{len(police)} police notifications since {format_day(since)}; domestic "
                    f"abuse identified at assessment ({', '.join(sorted(abuse[child]))}); "
                    f"lesson: {rule.lesson}",
                )

    rule = by_id.get("unknown_adult")
    if rule is not None and rule.threshold > 0:
        current = [
            m
            for m in records.household
            if m.start_date <= as_at and (m.end_date is None or m.end_date > as_at)
        ]
        unknown: dict[int, list[date]] = defaultdict(list)
        for m in current:
            if m.is_unknown_adult:
                unknown[m.household_id].append(m.start_date)
        for m in current:
            if m.person_id in known and len(unknown.get(m.household_id, ())) >= rule.threshold:
                first = min(unknown[m.household_id])
                fire(
                    m.person_id,
                    rule,
                    f"An adult whose identity is not established has lived in the household "
                    f"since {format_day(first)}; lesson: {rule.lesson}",
                )

    rule = by_id.get("school_status")
    if rule is not None and rule.threshold > 0:
        since = _back(rule, as_at)
        recent_children = set(known)
        recent_children.update(
            e.child_id
            for e in records.episodes
            if e.referral_date <= as_at and e.closure_date is not None and e.closure_date >= since
        )
        recent_children.update(
            p.child_id
            for p in records.care_periods
            if p.start_date <= as_at and p.end_date is not None and p.end_date >= since
        )
        if child_ids is not None:
            recent_children &= set(child_ids)
        latest: dict[int, tuple[date, str, str]] = {}
        for s in records.school_statuses:
            if s.child_id not in recent_children or not since <= s.status_date <= as_at:
                continue
            if s.child_id not in latest or s.status_date >= latest[s.child_id][0]:
                latest[s.child_id] = (s.status_date, s.status, s.school)
        for child, (on, status, school) in latest.items():
            if status in SCHOOL_STATUSES_OF_CONCERN:
                fire(
                    child,
                    rule,
                    f"{school or 'The school'} reported on {format_day(on)} that the child is "
                    f"{SCHOOL_STATUSES_OF_CONCERN[status]}; lesson: {rule.lesson}",
                )

    order = {a.id: i for i, a in enumerate(settings.alerts)}
    out.sort(key=lambda a: (a.child_id, order[a.alert_id]))
    return out
