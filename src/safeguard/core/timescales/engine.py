"""The timescale engine: every rule over every clock gives work items with due dates and status.

One schedule walk serves every rule (`_walk`): the clock starts, each stopping event completes an
item and starts the next interval (for a repeating rule), a restart event (a new placement)
brings the next due date forward to the rule's first interval, and while the clock still runs on
`as_at` the next item is open. Completed items are kept for `done_shown_days` after completion.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from safeguard.core.calendar import working_days_between
from safeguard.core.timescales.facts import (
    CLOCKS,
    EVENTS,
    STAFF_CLOCKS,
    Clock,
    Event,
    Facts,
    Records,
    build,
    paused_gc,
)
from safeguard.core.timescales.intervals import Interval, add_years, format_day
from safeguard.core.timescales.rules import DEFAULT_SETTINGS, Rule, Settings


class Status(StrEnum):
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    DUE = "due"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def is_open(self) -> bool:
        return self in {Status.DUE, Status.DUE_SOON, Status.OVERDUE}


_STATUS_LABELS = {
    Status.DONE_ON_TIME: "Done on time",
    Status.DONE_LATE: "Done late",
    Status.DUE: "Due",
    Status.DUE_SOON: "Due soon",
    Status.OVERDUE: "Overdue",
}


@dataclass(frozen=True)
class WorkItem:
    """One thing a timescale asks for, for one child (or, with `child_id` None, for the worker
    `worker_id` themself, e.g. their supervision): when it is due and where it stands."""

    child_id: int | None
    rule_id: str
    title: str
    due: date
    status: Status
    done_on: date | None
    worker_id: int | None
    team_id: int | None
    explanation: str
    source: str
    statutory: bool
    late_reason: str
    action: str


def computable(rule: Rule) -> bool:
    """True if the facts Safeguard records can start and stop this rule."""
    return not rule.not_computed and rule.clock in CLOCKS and rule.stops in EVENTS


def _age(dob: date, on: date) -> int:
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


class _Step:
    """The interval that applies next, and the words that explain where it is counted from."""

    __slots__ = ("anchor", "due", "interval", "words")

    def __init__(self, anchor: date, interval: Interval, words: str) -> None:
        self.anchor, self.interval, self.words = anchor, interval, words
        self.due = interval.after(anchor)


def _interval(
    rule: Rule,
    k: int,
    anchor: date,
    dob: date | None,
    placed: date,
    settled: date | None,
    early_from: date | None = None,
) -> Interval:
    if early_from is not None:
        for until, every in rule.early:
            if anchor < until.after(early_from):
                return every
    interval = rule.first if k == 0 else rule.then[min(k - 1, len(rule.then) - 1)]
    if rule.older is not None and dob is not None and _age(dob, anchor) >= rule.older_from_age:
        interval = rule.older
    if (
        rule.settled is not None
        and k > 0
        and settled is not None
        and settled <= anchor
        and anchor >= add_years(placed, 1)
    ):
        interval = rule.settled
    return interval


def _walk(
    rule: Rule,
    clock: Clock,
    stops: Sequence[Event],
    restarts: Sequence[Event],
    dob: date | None,
    settled: date | None,
    as_at: date,
    shown_from: date,
    early: bool = False,
) -> Iterable[tuple[_Step, date | None]]:
    """(step, done_on) for each completion on or after `shown_from`, then the open step if any.

    With `early`, the rule's early phases count from the clock start (a newly qualified worker).
    """
    end = clock.end if clock.end is not None and clock.end <= as_at else as_at
    if end < shown_from and clock.end is not None:
        return  # ended before the shown window: nothing open, nothing recently done
    key, start = clock.key, clock.start
    early_from = start if early and rule.early else None
    own_stops = [on for on, k in stops if (k is None or k == key) and start <= on <= end]
    if not rule.repeats:
        if own_stops and own_stops[0] < shown_from:
            return
        step = _Step(start, _interval(rule, 0, start, dob, start, settled, early_from), rule.starts)
        if own_stops:
            yield step, own_stops[0]
            return
        if clock.end is None or clock.end > as_at:
            yield step, None
        return
    own_restarts = [on for on, k in restarts if (k is None or k == key) and start < on <= end]
    # Replay from the last completion before the shown window: earlier history cannot change the
    # items shown (each completion resets the schedule), except the count of completions.
    k, anchor, words = 0, clock.start, rule.starts
    first = bisect_left(own_stops, shown_from) - 1
    if first >= 0:
        k, anchor, words = first + 1, own_stops[first], rule.stopped_by
    placed = clock.start
    for r in own_restarts:
        if r <= anchor:
            placed = r
    step = _Step(anchor, _interval(rule, k, anchor, dob, placed, settled, early_from), words)
    timeline = sorted(
        [(d, 1) for d in own_stops[first + 1 :]] + [(d, 0) for d in own_restarts if d > anchor]
    )
    for on, is_stop in timeline:
        if is_stop:
            yield step, on
            k += 1
            step = _Step(
                on, _interval(rule, k, on, dob, placed, settled, early_from), rule.stopped_by
            )
        else:
            placed = on
            restart = _Step(on, rule.first, rule.restarted_by)
            if restart.due < step.due:
                step = restart
    if clock.end is None or clock.end > as_at:
        yield step, None


def _explain(rule: Rule, step: _Step, done_on: date | None, late_by: int) -> str:
    text = (
        f"{rule.short} due {format_day(step.due)}: {step.interval.phrase()} "
        f"{step.words} on {format_day(step.anchor)} ({rule.source})"
    )
    if done_on is not None:
        text += f"; done {format_day(done_on)}"
        if late_by > 0:
            text += f", {late_by} working day{'s' if late_by != 1 else ''} late"
    return text


def work_items(
    facts: Facts | Records,
    *,
    as_at: date,
    settings: Settings = DEFAULT_SETTINGS,
    child_ids: Iterable[int] | None = None,
    explain: bool = True,
) -> list[WorkItem]:
    """Every open work item on `as_at`, and those completed in the last `done_shown_days`.

    Items come in child, due date and rule order, then the workers' own items (supervision;
    `child_id` None, by worker) last. `child_ids` limits the children's items to those
    children (workers' own items come from `Records.staff`). Rules that Safeguard cannot
    compute yet (`computable`) are skipped. With `explain=False` every item's explanation is
    empty (a third faster, for counts).
    """
    with paused_gc():
        return _work_items(facts, as_at, settings, child_ids, explain)


def _work_items(
    facts: Facts | Records,
    as_at: date,
    settings: Settings,
    child_ids: Iterable[int] | None,
    explain: bool = True,
) -> list[WorkItem]:
    f = (
        facts
        if isinstance(facts, Facts)
        else build(facts, since=as_at - timedelta(days=settings.done_shown_days))
    )
    wanted = set(child_ids) if child_ids is not None else None
    shown_from = as_at - timedelta(days=settings.done_shown_days)
    soon = settings.due_soon_working_days
    items: list[WorkItem] = []
    no_events: dict[int, list[Event]] = {}
    for rule in settings.rules:
        if not computable(rule):
            continue
        stops_by_child = f.events.get(rule.stops, no_events)
        restarts_by_child = f.events.get(rule.restart_on, no_events) if rule.restart_on else {}
        about_staff = rule.clock in STAFF_CLOCKS
        for clock in f.clocks.get(rule.clock, ()):
            child: int | None = clock.child_id
            if clock.start > as_at:
                continue
            if about_staff:
                # The clock is the worker's own: child_id holds their staff id.
                dob, child = None, None
                worker: int | None = clock.child_id
                team: int | None = f.staff_team.get(clock.child_id)
                early = clock.child_id in f.newly_qualified
            else:
                if wanted is not None and child not in wanted:
                    continue
                dob = f.dob.get(clock.child_id)
                if rule.ages is not None and (
                    dob is None or not rule.ages[0] <= _age(dob, as_at) < rule.ages[1]
                ):
                    continue
                worker, team = f.holder.get(clock.child_id, (None, None))
                early = False
            walk = _walk(
                rule,
                clock,
                stops_by_child.get(clock.child_id, ()),
                restarts_by_child.get(clock.child_id, ()),
                dob,
                f.settled_from.get(clock.key) if rule.clock == "care_period" else None,
                as_at,
                shown_from,
                early,
            )
            for step, done_on in walk:
                late_by = 0
                if done_on is not None:
                    if explain and done_on > step.due:
                        late_by = working_days_between(step.due, done_on)
                    status = Status.DONE_LATE if done_on > step.due else Status.DONE_ON_TIME
                elif step.due < as_at:
                    status = Status.OVERDUE
                elif working_days_between(as_at, step.due) <= soon:
                    status = Status.DUE_SOON
                else:
                    status = Status.DUE
                items.append(
                    WorkItem(
                        child_id=child,
                        rule_id=rule.id,
                        title=rule.title,
                        due=step.due,
                        status=status,
                        done_on=done_on,
                        worker_id=worker,
                        team_id=team,
                        explanation=_explain(rule, step, done_on, late_by) if explain else "",
                        source=rule.source,
                        statutory=rule.statutory,
                        late_reason=""
                        if child is None
                        else f.late_reasons.get((child, rule.id, step.due), ""),
                        action=rule.action,
                    )
                )
    order = {rule.id: i for i, rule in enumerate(settings.rules)}
    items.sort(
        key=lambda i: (
            i.child_id is None,
            i.child_id or i.worker_id or 0,
            i.due,
            order[i.rule_id],
        )
    )
    return items
