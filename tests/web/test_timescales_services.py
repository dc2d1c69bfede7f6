"""Writes: late reasons, local timescale settings and the school feed, each audited."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied

from safeguard.web.access.models import AuditEvent, User
from safeguard.web.casework.models import Person
from safeguard.web.timescales.models import LateReason, SchoolStatusReport
from safeguard.web.timescales.selectors import local_settings, work_for_worker
from safeguard.web.timescales.services import (
    core_group_record,
    late_reason_record,
    long_term_placement_record,
    pep_review_record,
    school_feed_import,
    timescale_setting_update,
)
from tests.factories import (
    ChildProtectionConferenceFactory,
    ChildProtectionPlanFactory,
    CINEpisodeFactory,
    LookedAfterEpisodeFactory,
    LookedAfterPeriodFactory,
    PersonFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


def test_late_reason_is_recorded_audited_and_shown(
    child: Person, social_worker: User, today: date
) -> None:
    episode = CINEpisodeFactory(child=child, referral_date=today - timedelta(days=90))
    plan = ChildProtectionPlanFactory(episode=episode, start_date=today - timedelta(days=60))
    ChildProtectionConferenceFactory(episode=episode, conference_date=plan.start_date)
    VisitFactory(child=child, visit_date=today - timedelta(days=1))
    item = next(
        i
        for i in work_for_worker(social_worker.staff, as_at=today)
        if i.rule_id == "cp_visit" and i.done_on == today - timedelta(days=1)
    )
    row = late_reason_record(
        acting_user=social_worker,
        child=child,
        rule_id="cp_visit",
        due_date=item.due,
        reason="Family were away; seen the day they returned",
    )
    assert LateReason.objects.get() == row
    event = AuditEvent.objects.get(action="late_reason_record")
    assert event.changes == {
        "child_id": child.pk,
        "rule_id": "cp_visit",
        "due_date": item.due.isoformat(),
    }
    again = next(
        i
        for i in work_for_worker(social_worker.staff, as_at=today)
        if i.rule_id == "cp_visit" and i.due == item.due
    )
    assert again.late_reason == "Family were away; seen the day they returned"


def test_late_reason_refused_for_another_team_and_for_nonsense(
    child: Person, other_team_worker: User, social_worker: User, today: date
) -> None:
    with pytest.raises(PermissionDenied):
        late_reason_record(
            acting_user=other_team_worker, child=child, rule_id="icpc", due_date=today, reason="x"
        )
    with pytest.raises(ValueError, match="rule"):
        late_reason_record(
            acting_user=social_worker, child=child, rule_id="nope", due_date=today, reason="x"
        )
    with pytest.raises(ValueError, match="why"):
        late_reason_record(
            acting_user=social_worker, child=child, rule_id="icpc", due_date=today, reason="  "
        )
    assert not LateReason.objects.exists() and not AuditEvent.objects.exists()


def test_director_changes_a_local_timescale(director: User, social_worker: User) -> None:
    timescale_setting_update(acting_user=director, key="cp_visit", number=2, unit="weeks")
    rows = {r.key: r for r in local_settings()}
    assert rows["cp_visit"].current == "2 weeks" and rows["cp_visit"].changed
    timescale_setting_update(acting_user=director, key="alert:no_access", number=3)
    assert {r.key: r for r in local_settings()}["alert:no_access"].current == "3"
    event = AuditEvent.objects.filter(action="timescale_setting_update").order_by("at").first()
    assert event is not None and event.changes["after"] == {"number": 2, "unit": "weeks"}
    with pytest.raises(PermissionDenied):
        timescale_setting_update(acting_user=social_worker, key="cp_visit", number=5, unit="days")
    with pytest.raises(ValueError, match="not a timescale"):
        timescale_setting_update(acting_user=director, key="icpc", number=20, unit="working_days")
    with pytest.raises(ValueError, match="unit"):
        timescale_setting_update(acting_user=director, key="cp_visit", number=2, unit="fortnights")


def test_school_feed_all_or_nothing(system_administrator: User, db: None) -> None:
    known = PersonFactory(upn="A123456789012", date_of_birth=date(2015, 5, 1))
    named = PersonFactory(
        first_name="Ada", last_name="Lovell", date_of_birth=date(2014, 2, 3), upn=""
    )
    good = (
        "upn,first_name,last_name,date_of_birth,school,status,date\n"
        "A123456789012,,,,Hillside Academy,ehe,2026-11-02\n"
        ",Ada,Lovell,03/02/2014,Eastfield High,cme,2026-11-03\n"
    )
    report = school_feed_import(acting_user=system_administrator, file_name="feed.csv", text=good)
    assert report.ok and report.imported == 2
    assert {(r.child_id, r.status) for r in SchoolStatusReport.objects.all()} == {
        (known.pk, "ehe"),
        (named.pk, "cme"),
    }
    bad = good + "Z999999999999,,,,Nowhere School,ehe,2026-11-04\n"
    report = school_feed_import(acting_user=system_administrator, file_name="feed2.csv", text=bad)
    assert report.imported == 0 and not report.unusable
    assert [str(p) for p in report.problems] == ["feed2.csv: row 4, field upn: matches no child"]
    assert SchoolStatusReport.objects.count() == 2


def test_school_feed_refused_for_a_social_worker(social_worker: User) -> None:
    with pytest.raises(PermissionDenied):
        school_feed_import(acting_user=social_worker, file_name="f.csv", text="upn\n")


def test_recording_a_core_group_completes_the_first_core_group(
    child: Person, social_worker: User, other_team_worker: User, today: date
) -> None:
    episode = CINEpisodeFactory(child=child, referral_date=today - timedelta(days=40))
    ChildProtectionPlanFactory(episode=episode, start_date=today - timedelta(days=20))
    ChildProtectionConferenceFactory(episode=episode, conference_date=today - timedelta(days=20))

    def first_core_group() -> list[tuple[object, object]]:
        items = work_for_worker(social_worker.staff, as_at=today)
        return [(i.status.value, i.done_on) for i in items if i.rule_id == "first_core_group"]

    assert first_core_group() == [("overdue", None)]
    met = today - timedelta(days=2)
    core_group_record(acting_user=social_worker, child=child, meeting_date=met)
    assert first_core_group() == [("done_late", met)]
    assert AuditEvent.objects.filter(action="core_group_record").count() == 1
    with pytest.raises(PermissionDenied):
        core_group_record(acting_user=other_team_worker, child=child, meeting_date=met)
    with pytest.raises(ValueError, match="future"):
        core_group_record(
            acting_user=social_worker, child=child, meeting_date=today + timedelta(days=1)
        )
    with pytest.raises(ValueError, match="child protection plan"):
        core_group_record(
            acting_user=social_worker, child=child, meeting_date=today - timedelta(days=30)
        )


def test_pep_and_long_term_placement_need_a_period_of_care(
    child: Person, social_worker: User, today: date
) -> None:
    with pytest.raises(ValueError, match="not looked after"):
        pep_review_record(acting_user=social_worker, child=child, review_date=today)
    LookedAfterEpisodeFactory(period=LookedAfterPeriodFactory(child=child))
    pep = pep_review_record(acting_user=social_worker, child=child, review_date=today)
    settled = long_term_placement_record(acting_user=social_worker, child=child, decided_on=today)
    assert pep.child == child and settled.period.child == child
    items = work_for_worker(social_worker.staff, as_at=today)
    assert any(i.rule_id == "pep" and i.done_on == today for i in items)
