"""The engine at several dates: due, due soon, overdue, done on time or late, and overrides."""

from __future__ import annotations

from datetime import date

import pytest

from safeguard.core.timescales import (
    Interval,
    Records,
    Status,
    Unit,
    apply_overrides,
    setting_keys,
    work_items,
)
from safeguard.core.timescales import facts as f

CHILD, TEAM, WORKER = 3, 8, 80
ICPC = date(2026, 3, 2)  # Monday; first CP visit due 10 working days later, Mon 16 Mar


def plan_records(*visits: date, late: str = "") -> Records:
    return Records(
        children=(f.Child(CHILD, date(2016, 1, 1)),),
        allocations=(f.OpenAllocation(CHILD, TEAM, WORKER, date(2026, 2, 1)),),
        episodes=(f.EpisodeRow(10, CHILD, date(2026, 2, 2), False, None),),
        plans=(f.PlanRow(20, 10, ICPC, None),),
        conferences=(f.ConferenceRow(10, None, "initial", ICPC),),
        visits=tuple(f.VisitRow(CHILD, d, "completed", True, True) for d in visits),
        late_reasons=(f.LateReasonRow(CHILD, "cp_visit", date(2026, 3, 16), late),) if late else (),
    )


def visit_items(recs: Records, as_at: date, **kw: object) -> list[tuple[date, Status]]:
    items = work_items(recs, as_at=as_at, **kw)  # type: ignore[arg-type]
    return [(i.due, i.status) for i in items if i.rule_id == "cp_visit"]


@pytest.mark.parametrize(
    ("as_at", "status"),
    [
        (date(2026, 3, 3), Status.DUE),  # 9 working days ahead
        (date(2026, 3, 9), Status.DUE_SOON),  # 5 working days ahead
        (date(2026, 3, 16), Status.DUE_SOON),  # due today
        (date(2026, 3, 17), Status.OVERDUE),
    ],
)
def test_status_moves_with_as_at(as_at: date, status: Status) -> None:
    assert visit_items(plan_records(), as_at) == [(date(2026, 3, 16), status)]


def test_done_on_time_and_late_with_the_recorded_reason() -> None:
    on_time = visit_items(plan_records(date(2026, 3, 13)), date(2026, 3, 20))
    assert on_time[0] == (date(2026, 3, 16), Status.DONE_ON_TIME)
    recs = plan_records(date(2026, 3, 18), late="Family away; seen on return")
    items = [i for i in work_items(recs, as_at=date(2026, 3, 20)) if i.rule_id == "cp_visit"]
    late = items[0]
    assert late.status is Status.DONE_LATE and late.done_on == date(2026, 3, 18)
    assert late.late_reason == "Family away; seen on return"
    assert late.explanation.endswith("; done 18 Mar 2026, 2 working days late")
    # The next visit runs from the late one: Wed 1 Apr 2026, 8 working days after 20 Mar.
    assert (items[1].due, items[1].status) == (date(2026, 4, 1), Status.DUE)


def test_completed_items_drop_off_after_30_days() -> None:
    recs = plan_records(date(2026, 3, 13))
    assert any(s is Status.DONE_ON_TIME for _, s in visit_items(recs, date(2026, 4, 12)))
    assert not any(s is Status.DONE_ON_TIME for _, s in visit_items(recs, date(2026, 4, 13)))


def test_a_closed_plan_asks_for_nothing_more() -> None:
    recs = plan_records()
    closed = Records(**{**recs.__dict__, "plans": (f.PlanRow(20, 10, ICPC, date(2026, 3, 10)),)})
    assert visit_items(closed, date(2026, 5, 1)) == []


def test_local_overrides_change_local_rules_only() -> None:
    settings = apply_overrides(
        {"cp_visit": Interval(2, Unit.WEEKS), "cp_visit:then": Interval(2, Unit.WEEKS)}
    )
    assert visit_items(plan_records(), date(2026, 3, 3), settings=settings) == [
        (date(2026, 3, 16), Status.DUE)
    ]
    settings = apply_overrides({"cp_visit": Interval(5, Unit.WORKING_DAYS), "due_soon": 2})
    assert visit_items(plan_records(), date(2026, 3, 6), settings=settings) == [
        (date(2026, 3, 9), Status.DUE_SOON)
    ]
    with pytest.raises(ValueError, match="icpc"):
        apply_overrides({"icpc": Interval(20, Unit.WORKING_DAYS)})
    assert "icpc" not in setting_keys() and "cla_review" not in setting_keys()
    assert {"cp_visit", "core_group:then", "pep", "alert:no_access", "due_soon"} <= set(
        setting_keys()
    )


def test_unallocated_child_has_no_worker() -> None:
    recs = Records(**{**plan_records().__dict__, "allocations": ()})
    items = work_items(recs, as_at=date(2026, 3, 3))
    assert items and all(i.worker_id is None and i.team_id is None for i in items)


def test_items_are_limited_to_the_children_asked_for() -> None:
    assert work_items(plan_records(), as_at=date(2026, 3, 3), child_ids=[999]) == []
