"""The work pages: My work, a team's work and alerts, the service view, alerts on the child's
record, local timescale settings, the school feed upload and late reasons.

The child of the story is on a child protection plan and was last visited 40 days ago, so their
child protection visit (every 10 working days, local policy) is overdue.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from safeguard.web.access.models import AuditEvent, User
from safeguard.web.timescales.models import (
    LateReason,
    SchoolStatusReport,
    SupervisionSession,
    TimescaleSetting,
)
from safeguard.web.timescales.selectors import local_settings
from safeguard.web.timescales.services import supervision_record
from tests.conftest import signed_in
from tests.factories import (
    AllocationFactory,
    ChildProtectionPlanFactory,
    CINEpisodeFactory,
    HouseholdFactory,
    HouseholdMemberFactory,
    PersonFactory,
    ServiceAreaFactory,
    StaffFactory,
    TeamFactory,
    UserFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db

# Ceilings a little above the counts measured (my work 26, team work 51, service 26, child
# record 48, record a visit 14), including session and user. The timescale selectors read one
# query per kind of fact, whatever the number of children, so these do not grow with the data.
MAX_QUERIES = {"my_work": 30, "team_work": 55, "service_work": 30, "child": 52, "record_visit": 16}


def html(response) -> str:
    return response.content.decode()


def overdue_visit_for(child, worker_staff, today) -> None:
    episode = CINEpisodeFactory(child=child, referral_date=today - timedelta(days=120))
    ChildProtectionPlanFactory(episode=episode, start_date=today - timedelta(days=90))
    VisitFactory(child=child, worker=worker_staff, visit_date=today - timedelta(days=40))


@pytest.fixture
def overdue_child(child, social_worker, today):
    overdue_visit_for(child, social_worker.staff, today)
    return child


def a_visit_today(today) -> dict[str, str]:
    return {
        "kind": "cp",
        "visit_date": today.strftime("%d/%m/%Y"),
        "mode": "in_person",
        "outcome": "completed",
        "child_seen": "yes",
        "seen_alone": "yes",
        "next": reverse("workforce:my_work"),
    }


# --- My work ------------------------------------------------------------------------------------


def test_my_work_shows_the_overdue_visit_why_and_a_link_to_record_it(social_worker, overdue_child):
    page = signed_in(social_worker).get(reverse("workforce:my_work"))
    assert page.status_code == 200
    work = page.context["work"]
    visit = next(r for r in work.overdue if r.item.action == "visit")
    assert visit.child == overdue_child
    text = html(page)
    assert "Child protection visit" in text or "CP visit" in text
    assert escape(visit.item.explanation) in text
    record = reverse("casework:record", args=[overdue_child.pk, "visit"]) + "?next=/work"
    assert record in text


def test_recording_the_visit_from_my_work_marks_it_done(social_worker, overdue_child, today):
    client = signed_in(social_worker)
    url = reverse("casework:record", args=[overdue_child.pk, "visit"])
    response = client.post(url, a_visit_today(today))
    assert response["Location"] == reverse("workforce:my_work")
    work = client.get(reverse("workforce:my_work")).context["work"]
    assert not [r for r in work.overdue if r.item.action == "visit"]
    done = [r for r in work.done if r.item.action == "visit" and r.item.done_on == today]
    assert done and done[0].item.status.value in {"done_late", "done_on_time"}


def test_my_work_for_someone_without_a_caseload_says_so(system_administrator):
    page = signed_in(system_administrator).get(reverse("workforce:my_work"))
    assert page.status_code == 200
    assert "no caseload" in html(page)


def test_my_work_withholds_the_name_of_a_restricted_child(social_worker, restricted_child, today):
    overdue_visit_for(restricted_child, social_worker.staff, today)
    text = html(signed_in(social_worker).get(reverse("workforce:my_work")))
    assert "Name withheld (restricted record)" in text
    assert restricted_child.last_name not in text


def test_my_work_shows_a_late_reason_once_given(social_worker, overdue_child):
    client = signed_in(social_worker)
    row = next(
        r
        for r in client.get(reverse("workforce:my_work")).context["work"].overdue
        if r.item.action == "visit"
    )
    response = client.post(
        reverse("casework:late_reason", args=[overdue_child.pk]),
        {
            "rule_id": row.item.rule_id,
            "due_date": row.item.due.isoformat(),
            "reason": "Family away; visit booked for Monday.",
            "next": "/work",
        },
    )
    assert response["Location"] == "/work"
    assert LateReason.objects.get().child == overdue_child
    assert "Why late: Family away; visit booked for Monday." in html(client.get("/work"))


def test_a_late_reason_is_refused_for_another_teams_child(other_team_worker, overdue_child, today):
    response = signed_in(other_team_worker).post(
        reverse("casework:late_reason", args=[overdue_child.pk]),
        {"rule_id": "cp_visit", "due_date": today.isoformat(), "reason": "x"},
    )
    assert response.status_code == 404
    assert not LateReason.objects.exists()


# --- The team's work ----------------------------------------------------------------------------


def test_team_manager_sees_rag_counts_overdue_items_and_waiting_children(
    team_manager, social_worker, overdue_child, today
):
    team = team_manager.staff.team
    waiting = PersonFactory(first_name="Wilhelmina", last_name="Waitlong")
    AllocationFactory(child=waiting, worker=None, team=team)
    page = signed_in(team_manager).get(reverse("workforce:team_work", args=[team.pk]))
    assert page.status_code == 200
    view = page.context["view"]
    sam = next(row for row in view.rag if row.staff == social_worker.staff)
    assert sam.overdue >= 1
    text = html(page)
    assert "Sam Worker" in text and "Wilhelmina Waitlong" in text
    overdue = next(w for w in view.overdue_by_worker if w.staff == social_worker.staff)
    visit = next(r for r in overdue.rows if r.item.action == "visit")
    assert escape(visit.item.explanation) in text
    assert visit.item.source in text or "Local policy" in text


def test_team_work_shows_the_teams_alerts_explained(team_manager, overdue_child):
    household = HouseholdFactory()
    HouseholdMemberFactory(household=household, person=overdue_child)
    HouseholdMemberFactory(household=household, person=None, is_unknown_adult=True)
    team = team_manager.staff.team
    page = signed_in(team_manager).get(reverse("workforce:team_work", args=[team.pk]))
    alerts = page.context["view"].alerts
    unknown = next(a for a in alerts if a.alert.alert_id == "unknown_adult")
    assert unknown.child == overdue_child
    assert escape(unknown.alert.explanation) in html(page)


def test_another_teams_worker_cannot_open_the_teams_work(other_team_worker, organisation):
    url = reverse("workforce:team_work", args=[organisation.team_a.pk])
    assert signed_in(other_team_worker).get(url).status_code == 404


# --- The service view ---------------------------------------------------------------------------


def test_director_sees_every_team_with_counts(director, overdue_child, organisation):
    page = signed_in(director).get(reverse("workforce:service_work"))
    assert page.status_code == 200
    teams = {row.team: row for row in page.context["view"].teams}
    assert set(teams) >= {organisation.team_a, organisation.team_b}
    assert teams[organisation.team_a].overdue >= 1
    assert overdue_child.last_name not in html(page)  # counts only, no child named


def test_service_manager_sees_only_their_service_areas_teams(organisation, overdue_child):
    staff = StaffFactory(team=organisation.team_a, role="service_manager")
    manager = UserFactory(username="sian.service", role=User.Role.SERVICE_MANAGER, staff=staff)
    teams = [r.team for r in signed_in(manager).get("/service").context["view"].teams]
    assert organisation.team_a in teams and organisation.team_b not in teams


@pytest.mark.parametrize("persona", ["social_worker", "team_manager", "system_administrator"])
def test_the_service_view_is_refused_to_other_roles(persona, request):
    user = request.getfixturevalue(persona)
    assert signed_in(user).get(reverse("workforce:service_work")).status_code == 403


# --- Alerts on the child's record ---------------------------------------------------------------


def test_the_childs_record_shows_each_alert_with_its_explanation(social_worker, overdue_child):
    page = signed_in(social_worker).get(reverse("casework:child", args=[overdue_child.pk]))
    alerts = page.context["alerts"]
    not_seen = next(a for a in alerts if a.alert_id == "not_seen")
    text = html(page)
    assert escape(not_seen.title) in text and escape(not_seen.explanation) in text


def test_a_child_with_no_gaps_shows_no_alerts(social_worker, child):
    page = signed_in(social_worker).get(reverse("casework:child", args=[child.pk]))
    assert page.context["alerts"] == []
    assert "on this record" not in html(page)


# --- Local timescale settings -------------------------------------------------------------------


def test_a_system_administrator_sees_every_local_timescale_with_its_default_and_source(
    system_administrator,
):
    page = signed_in(system_administrator).get(reverse("workforce:timescale_settings"))
    assert page.status_code == 200
    text = html(page)
    for setting in local_settings():
        assert setting.title in text
    assert "Statutory timescales are set in law" in text


def test_changing_a_local_timescale_is_saved_audited_and_shown(system_administrator):
    setting = next(s for s in local_settings() if s.unit and s.key != "due_soon")
    client = signed_in(system_administrator)
    response = client.post(
        reverse("workforce:timescale_settings"),
        {"key": setting.key, "number": setting.number + 1, "unit": setting.unit},
    )
    assert response.status_code == 302
    saved = TimescaleSetting.objects.get(key=setting.key)
    assert saved.number == setting.number + 1
    assert AuditEvent.objects.filter(action="timescale_setting_update").exists()
    assert "Changed by your council" in html(client.get(reverse("workforce:timescale_settings")))


def test_a_bad_timescale_value_says_what_is_wrong(system_administrator):
    setting = next(s for s in local_settings() if s.unit and s.key != "due_soon")
    response = signed_in(system_administrator).post(
        reverse("workforce:timescale_settings"),
        {"key": setting.key, "number": "ten", "unit": setting.unit},
    )
    assert response.status_code == 400
    assert "Enter a whole number" in html(response)
    assert not TimescaleSetting.objects.exists()


def test_a_statutory_timescale_cannot_be_changed(system_administrator):
    response = signed_in(system_administrator).post(
        reverse("workforce:timescale_settings"), {"key": "icpc", "number": 20, "unit": "days"}
    )
    assert response.status_code == 400
    assert not TimescaleSetting.objects.exists()


@pytest.mark.parametrize("persona", ["social_worker", "team_manager", "expert_adviser"])
def test_settings_are_refused_to_other_roles(persona, request):
    user = request.getfixturevalue(persona)
    assert signed_in(user).get(reverse("workforce:timescale_settings")).status_code == 403


# --- The school feed ----------------------------------------------------------------------------

FEED_HEADER = "upn,first_name,last_name,date_of_birth,school,status,date\n"


@pytest.fixture
def analyst(db) -> User:
    return UserFactory(username="pat.analyst", role=User.Role.PERFORMANCE_ANALYST)


def upload(client, name: str, text: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    feed = SimpleUploadedFile(name, text.encode(), content_type="text/csv")
    return client.post(reverse("casework:school_feed"), {"feed": feed})


def test_a_school_feed_that_matches_is_imported_and_listed(analyst, child):
    child.upn = "A123456789012"
    child.save()
    response = upload(
        signed_in(analyst),
        "feed.csv",
        FEED_HEADER + "A123456789012,,,,Hill School,ehe,2026-11-20\n",
    )
    assert response.status_code == 200
    text = html(response)
    assert "1 row imported from feed.csv" in text
    assert child.la_person_id in text and "Hill School" in text
    assert child.first_name not in text  # listed by LA child id, never by name
    assert SchoolStatusReport.objects.get().child == child


def test_a_school_feed_with_an_unmatched_row_imports_nothing_and_says_where(analyst, child):
    child.upn = "A123456789012"
    child.save()
    response = upload(
        signed_in(analyst),
        "feed.csv",
        FEED_HEADER
        + "A123456789012,,,,Hill School,ehe,2026-11-20\n"
        + "Z999999999999,,,,Hill School,cme,2026-11-20\n",
    )
    assert response.status_code == 400
    text = html(response)
    assert "Nothing was imported from feed.csv" in text
    problems = response.context["report"].problems
    assert [(p.file_name, p.row, p.field) for p in problems] == [("feed.csv", 3, "upn")]
    assert problems[0].message in text
    assert not SchoolStatusReport.objects.exists()


def test_a_school_feed_that_is_not_text_is_refused_in_plain_words(analyst):
    response = upload(signed_in(analyst), "feed.csv", "")
    assert response.status_code == 400
    response = signed_in(analyst).post(reverse("casework:school_feed"), {})
    assert "Choose a school feed CSV file" in html(response)


def test_the_school_feed_page_is_refused_to_a_social_worker(social_worker):
    assert signed_in(social_worker).get(reverse("casework:school_feed")).status_code == 403


# --- Navigation ---------------------------------------------------------------------------------


def test_navigation_shows_each_role_its_pages(social_worker, director, system_administrator):
    worker = html(signed_in(social_worker).get(reverse("casework:caseload")))
    assert 'href="/work"' in worker and 'href="/service"' not in worker
    assert 'href="/settings/timescales"' not in worker
    boss = html(signed_in(director).get(reverse("casework:caseload")))
    assert 'href="/service"' in boss and 'href="/settings/timescales"' in boss
    admin = html(signed_in(system_administrator).get(reverse("casework:caseload")))
    assert 'href="/settings/timescales"' in admin and 'href="/imports/school-feed"' in admin


# --- Query counts -------------------------------------------------------------------------------


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _more_children(worker_staff, today, n: int) -> None:
    for _ in range(n):
        overdue_visit_for(AllocationFactory(worker=worker_staff).child, worker_staff, today)
        AllocationFactory(worker=None, team=worker_staff.team)


@pytest.mark.parametrize("page", list(MAX_QUERIES))
def test_work_pages_run_a_bounded_number_of_queries(
    page, social_worker, team_manager, director, overdue_child, today, django_assert_max_num_queries
):
    user = {"my_work": social_worker, "team_work": team_manager}.get(page, director)
    if page in {"child", "record_visit"}:
        user = social_worker
    url = {
        "my_work": reverse("workforce:my_work"),
        "team_work": reverse("workforce:team_work", args=[social_worker.staff.team_id]),
        "service_work": reverse("workforce:service_work"),
        "child": reverse("casework:child", args=[overdue_child.pk]),
        "record_visit": reverse("casework:record", args=[overdue_child.pk, "visit"]),
    }[page]
    client = signed_in(user)
    AllocationFactory(worker=None, team=social_worker.staff.team)
    small = count_queries(client, url)
    _more_children(social_worker.staff, today, 8)
    TeamFactory(service_area=ServiceAreaFactory())
    with django_assert_max_num_queries(MAX_QUERIES[page]):
        client.get(url)
    assert count_queries(client, url) == small


# --- Supervision: a worker's own timescale, recorded by their manager -------------------------


def test_my_work_shows_the_workers_own_overdue_supervision(social_worker):
    # The factory's worker started 900 days ago and has never been supervised.
    page = html(signed_in(social_worker).get(reverse("workforce:my_work")))
    assert 'data-rule="supervision" data-child="" data-status="overdue"' in page
    assert "The worker's own supervision (not about a child)" in page
    assert "Name withheld" not in page


def test_manager_records_a_supervision_and_the_item_turns_green(team_manager, social_worker, today):
    client = signed_in(team_manager)
    url = reverse("workforce:team_work", args=[social_worker.staff.team_id])
    before = html(client.get(url))
    assert 'data-rule="supervision" data-child="" data-status="overdue"' in before
    assert "Record a supervision you gave" in before
    response = client.post(
        reverse("workforce:supervision", args=[social_worker.staff.team_id]),
        {"staff_id": social_worker.staff.pk, "session_date": today.isoformat()},
    )
    assert response.status_code == 302
    session = SupervisionSession.objects.get()
    assert session.supervisee == social_worker.staff and session.supervisor == team_manager.staff
    audit = AuditEvent.objects.get(action="supervision_record")
    assert audit.actor == team_manager and audit.object_id == str(session.pk)
    after = html(client.get(url))
    assert 'data-rule="supervision" data-child="" data-status="overdue"' not in after
    mine = html(signed_in(social_worker).get(reverse("workforce:my_work")))
    assert 'data-rule="supervision" data-child="" data-status="done_on_time"' not in mine
    assert 'data-rule="supervision" data-child="" data-status="due"' in mine


def test_supervision_is_refused_to_a_social_worker_and_another_teams_manager(
    social_worker, other_team_worker, organisation, today
):
    url = reverse("workforce:supervision", args=[organisation.team_a.pk])
    data = {"staff_id": social_worker.staff.pk, "session_date": today.isoformat()}
    assert signed_in(social_worker).post(url, data).status_code == 403
    other = StaffFactory(role="team_manager", team=organisation.team_b)
    manager_b = UserFactory(username="bea.manager", role=User.Role.TEAM_MANAGER, staff=other)
    assert signed_in(manager_b).post(url, data).status_code == 404  # not their team's page
    with pytest.raises(PermissionDenied):
        supervision_record(
            acting_user=manager_b, supervisee=social_worker.staff, session_date=today
        )
    assert not SupervisionSession.objects.exists()


def test_supervision_refuses_a_future_date(team_manager, social_worker, today):
    with pytest.raises(ValueError, match="future"):
        supervision_record(
            acting_user=team_manager,
            supervisee=social_worker.staff,
            session_date=today + timedelta(days=1),
        )
