"""Work lists and alerts read from the database: the worker's, the team's and the service's."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from safeguard.core.timescales import DEFAULT_SETTINGS, Status, work_items
from safeguard.synth import generate
from safeguard.web.access.children import open_allocations
from safeguard.web.access.models import User
from safeguard.web.casework.models import Person
from safeguard.web.casework.synth_loader import load_authority
from safeguard.web.timescales.selectors import (
    alerts_for_child,
    alerts_for_team,
    local_settings,
    records_for,
    work_for_service,
    work_for_team,
    work_for_worker,
)
from safeguard.web.workforce.models import Staff
from tests.conftest import Organisation
from tests.factories import (
    AllocationFactory,
    ChildProtectionConferenceFactory,
    ChildProtectionPlanFactory,
    CINEpisodeFactory,
    HouseholdFactory,
    HouseholdMemberFactory,
    PersonFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


def on_plan(
    child: Person, today: date, *, icpc_days_ago: int = 60, seen_days_ago: int = 30
) -> None:
    episode = CINEpisodeFactory(
        child=child, referral_date=today - timedelta(days=icpc_days_ago + 20)
    )
    plan = ChildProtectionPlanFactory(
        episode=episode, start_date=today - timedelta(days=icpc_days_ago)
    )
    ChildProtectionConferenceFactory(
        episode=episode, conference_date=plan.start_date, plan=None, kind="initial"
    )
    VisitFactory(child=child, visit_date=today - timedelta(days=seen_days_ago))


def test_my_work_shows_the_overdue_visit_with_its_reason(
    child: Person, social_worker: User, today: date
) -> None:
    on_plan(child, today)
    items = work_for_worker(social_worker.staff, as_at=today)
    visit = next(i for i in items if i.rule_id == "cp_visit" and i.status.is_open)
    assert visit.status is Status.OVERDUE
    assert visit.child_id == child.pk and visit.worker_id == social_worker.staff.pk
    assert visit.explanation.startswith("CP visit due ") and "(local policy)" in visit.explanation
    assert visit.action == "visit"


def test_a_recent_visit_is_due_not_overdue(child: Person, social_worker: User, today: date) -> None:
    on_plan(child, today, seen_days_ago=1)
    items = work_for_worker(social_worker.staff, as_at=today)
    visit = next(i for i in items if i.rule_id == "cp_visit" and i.status.is_open)
    assert visit.status in {Status.DUE, Status.DUE_SOON}


def test_query_count_does_not_grow_with_children(social_worker: User, today: date) -> None:
    def add_child() -> None:
        person = PersonFactory()
        AllocationFactory(child=person, worker=social_worker.staff, team=social_worker.staff.team)
        on_plan(person, today)

    add_child()
    with CaptureQueriesContext(connection) as one:
        work_for_worker(social_worker.staff, as_at=today)
    for _ in range(4):
        add_child()
    with CaptureQueriesContext(connection) as five:
        work_for_worker(social_worker.staff, as_at=today)
    # One query per kind of fact (children's, and the worker's own supervision), nothing per row.
    assert len(five) == len(one) <= 28


def test_team_view_counts_per_worker_and_lists_unallocated_children(
    child: Person, social_worker: User, organisation: Organisation, today: date
) -> None:
    on_plan(child, today)
    waiting = PersonFactory(first_name="Wren", last_name="Waiting")
    AllocationFactory(child=waiting, worker=None, team=organisation.team_a)
    work = work_for_team(organisation.team_a, as_at=today)
    [row] = work.rows
    assert row.staff == social_worker.staff and row.overdue >= 1
    assert work.unallocated == [waiting]
    assert all(i.team_id == organisation.team_a.pk for i in work.items)
    other = work_for_team(organisation.team_b, as_at=today)
    assert other.rows == [] and other.items == [] and other.unallocated == []


def test_service_view_counts_per_team(
    child: Person, social_worker: User, organisation: Organisation, today: date
) -> None:
    on_plan(child, today)
    rows = {r.team: r for r in work_for_service(as_at=today)}
    assert rows[organisation.team_a].overdue >= 1
    assert rows[organisation.team_b].overdue == 0


def test_alerts_for_a_child_and_their_team(
    child: Person, social_worker: User, organisation: Organisation, today: date
) -> None:
    on_plan(child, today, seen_days_ago=2)
    household = HouseholdFactory()
    HouseholdMemberFactory(household=household, person=child)
    assert alerts_for_child(child, as_at=today) == []
    HouseholdMemberFactory(
        household=household,
        person=None,
        is_unknown_adult=True,
        start_date=today - timedelta(days=9),
    )
    [alert] = alerts_for_child(child, as_at=today)
    assert alert.alert_id == "unknown_adult" and alert.worker_id == social_worker.staff.pk
    assert [a.child_id for a in alerts_for_team(organisation.team_a, as_at=today)] == [child.pk]
    assert alerts_for_team(organisation.team_b, as_at=today) == []


def test_local_settings_lists_local_rules_and_thresholds_with_defaults(db: None) -> None:
    rows = {r.key: r for r in local_settings()}
    assert rows["cp_visit"].default == "10 working days" and not rows["cp_visit"].changed
    assert rows["core_group:then"].current == "4 weeks"
    assert rows["alert:not_seen_alone"].number == 3
    assert "icpc" not in rows and "cla_review" not in rows


def test_settings_say_supervision_is_now_computed(db: None) -> None:
    rows = {r.key: r for r in local_settings()}
    assert rows["cp_visit"].computed and rows["cp_visit"].why_not == ""
    assert rows["supervision"].computed and rows["supervision"].why_not == ""


def test_built_synthetic_children_raise_their_alerts_through_the_database(db: None) -> None:
    """The demo authority, loaded: each built child fires its alert; each control does not."""
    as_at = date(2026, 11, 20)
    authority = generate("demo", 3, 3, as_at)
    load_authority(authority)
    for case in authority.alert_cases:
        child = Person.objects.get(pk=case.child_id)
        got = {a.alert_id for a in alerts_for_child(child, as_at=as_at)}
        assert (case.alert_id in got) == case.fires, case


@pytest.mark.parametrize("as_at", [date(2026, 11, 20), date(2025, 12, 29), date(2026, 4, 7)])
def test_service_counts_match_the_full_read_of_every_fact(as_at: date, db: None) -> None:
    """The service view reads only what the counts need (latest earlier visit, no alert
    columns, no explanations); its counts must equal those from every fact, explained."""
    load_authority(generate("demo", 3, 3, date(2026, 11, 20)))
    children = open_allocations(as_at).values("child_id")
    staff = Staff.objects.values("pk")
    full = work_items(records_for(children, as_at=as_at, workers=staff), as_at=as_at)
    lean_records = records_for(children, as_at=as_at, counts_for=DEFAULT_SETTINGS, workers=staff)
    lean = work_items(lean_records, as_at=as_at, explain=False)
    assert len(lean_records.visits) < len(records_for(children, as_at=as_at).visits)
    key = [(i.child_id, i.rule_id, i.due, i.status, i.done_on, i.team_id) for i in full]
    assert key == [(i.child_id, i.rule_id, i.due, i.status, i.done_on, i.team_id) for i in lean]
    expected: dict[int, dict[str, int]] = {}
    for item in full:
        if item.team_id is not None:
            counts = expected.setdefault(item.team_id, {s.value: 0 for s in Status})
            counts[item.status.value] += 1
    for row in work_for_service(as_at=as_at):
        counts = expected.get(row.team.pk, {s.value: 0 for s in Status})
        assert (row.overdue, row.due_soon, row.due, row.done_late) == (
            counts["overdue"],
            counts["due_soon"],
            counts["due"],
            counts["done_late"],
        )


def test_service_query_count_does_not_grow_with_children(social_worker: User, today: date) -> None:
    def add_child() -> None:
        person = PersonFactory()
        AllocationFactory(child=person, worker=social_worker.staff, team=social_worker.staff.team)
        on_plan(person, today)
        on_plan(person, today, seen_days_ago=90)

    add_child()
    with CaptureQueriesContext(connection) as one:
        work_for_service(as_at=today)
    for _ in range(4):
        add_child()
    with CaptureQueriesContext(connection) as five:
        work_for_service(as_at=today)
    assert len(five) == len(one) <= 28
