"""Recording visits, looked-after reviews, review conferences and health assessments.

Through HTTP, as a worker would, and through the services, which check access and audit.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from safeguard.core.timescales.intervals import add_years
from safeguard.web.access.models import AccessLogEntry, AuditEvent
from safeguard.web.casework.models import (
    ChildProtectionConference,
    HealthAssessment,
    LookedAfterReview,
    Visit,
)
from safeguard.web.casework.services import (
    cla_review_record,
    cp_conference_record,
    health_assessment_record,
    visit_record,
)
from safeguard.web.timescales.models import NeedsAssessment
from tests.conftest import signed_in
from tests.factories import (
    ChildProtectionPlanFactory,
    CINEpisodeFactory,
    LookedAfterEpisodeFactory,
    LookedAfterPeriodFactory,
)

pytestmark = pytest.mark.django_db


def typed(day) -> str:
    return day.strftime("%d/%m/%Y")


def visit_url(child, **query) -> str:
    url = reverse("casework:record", args=[child.pk, "visit"])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def a_visit(today, **changes) -> dict[str, str]:
    fields = {
        "kind": "cp",
        "visit_date": typed(today),
        "mode": "in_person",
        "outcome": "completed",
        "child_seen": "yes",
        "seen_alone": "yes",
        "notes": "Zephyrine showed me her room and said she sleeps well.",
    }
    return {**fields, **changes}


# --- The visit page -------------------------------------------------------------------------------


def test_visit_page_starts_on_the_usual_answers_for_the_childs_stage(social_worker, child, today):
    episode = CINEpisodeFactory(child=child)
    ChildProtectionPlanFactory(episode=episode)
    page = signed_in(social_worker).get(visit_url(child))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'value="cp" checked' in html
    assert f'value="{typed(today)}"' in html
    assert 'value="in_person" checked' in html
    assert 'value="completed" checked' in html
    assert 'name="child_seen" type="radio" value="yes" checked' in html
    # Seen alone is never assumed: the worker answers it every time.
    assert 'name="seen_alone" type="radio" value="yes" checked' not in html
    assert 'name="seen_alone" type="radio" value="no" checked' not in html


def test_visit_page_defaults_to_a_looked_after_visit_for_a_child_in_care(social_worker, child):
    LookedAfterEpisodeFactory(period=LookedAfterPeriodFactory(child=child))
    html = signed_in(social_worker).get(visit_url(child)).content.decode()
    assert 'value="cla" checked' in html


def test_recording_a_visit_puts_it_in_the_chronology_with_its_notes(social_worker, child, today):
    client = signed_in(social_worker)
    response = client.post(visit_url(child), a_visit(today))
    assert response.status_code == 302
    assert response["Location"] == reverse("casework:chronology", args=[child.pk])
    visit = Visit.objects.get(child=child)
    assert (visit.kind, visit.visit_date, visit.worker, visit.created_by) == (
        "cp",
        today,
        social_worker.staff,
        social_worker,
    )
    assert visit.child_seen and visit.seen_alone
    chronology = client.get(response["Location"]).content.decode()
    assert "Visit recorded" in chronology
    assert "Child protection visit" in chronology
    assert "she sleeps well" in chronology


def test_recording_a_visit_returns_to_the_page_it_came_from(social_worker, child, today):
    response = signed_in(social_worker).post(visit_url(child), {**a_visit(today), "next": "/work"})
    assert response["Location"] == "/work"


def test_recording_a_visit_never_returns_to_another_site(social_worker, child, today):
    response = signed_in(social_worker).post(
        visit_url(child), {**a_visit(today), "next": "https://example.com/"}
    )
    assert response["Location"] == reverse("casework:chronology", args=[child.pk])


def test_the_visit_is_audited_without_its_notes(social_worker, child, today):
    signed_in(social_worker).post(visit_url(child), a_visit(today))
    event = AuditEvent.objects.get(action="visit_record")
    assert (event.actor, event.model) == (social_worker, "casework.Visit")
    assert "sleeps well" not in str(event.changes)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"seen_alone": ""}, "Select whether the child was seen alone"),
        ({"visit_date": "31/02/2026"}, "Date must be a real date"),
        ({"kind": ""}, "Select the kind of visit"),
        ({"child_seen": "no", "seen_alone": "yes"}, "cannot have been seen alone"),
        ({"outcome": "no_access"}, "There was no access"),
    ],
)
def test_a_visit_with_a_problem_says_what_and_keeps_what_was_typed(
    social_worker, child, today, changes, message
):
    response = signed_in(social_worker).post(visit_url(child), a_visit(today, **changes))
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html and message in html
    assert "she sleeps well" in html
    assert not Visit.objects.exists()


def test_a_visit_cannot_be_dated_tomorrow(social_worker, child, today):
    tomorrow = typed(today + timedelta(days=1))
    response = signed_in(social_worker).post(visit_url(child), a_visit(today, visit_date=tomorrow))
    assert response.status_code == 400
    assert "must be today or in the past" in response.content.decode()


def test_a_worker_from_another_team_is_refused_the_visit_page(other_team_worker, child, today):
    client = signed_in(other_team_worker)
    assert client.get(visit_url(child)).status_code == 404
    assert client.post(visit_url(child), a_visit(today)).status_code == 404
    assert not Visit.objects.exists()
    assert AccessLogEntry.objects.filter(user=other_team_worker, allowed=False).count() == 2


@pytest.mark.parametrize(
    "form_name", ["cla_review", "cp_conference", "health_assessment", "needs_assessment"]
)
def test_a_worker_from_another_team_is_refused_every_recording_page(
    other_team_worker, child, form_name
):
    url = reverse("casework:record", args=[child.pk, form_name])
    assert signed_in(other_team_worker).get(url).status_code == 404


def test_an_unknown_recording_page_is_not_found(social_worker, child):
    url = reverse("casework:record", args=[child.pk, "nonsense"])
    assert signed_in(social_worker).get(url).status_code == 404


def test_a_restricted_child_is_refused_without_a_grant(social_worker, restricted_child, today):
    assert signed_in(social_worker).get(visit_url(restricted_child)).status_code == 404


def test_the_visit_page_is_reached_from_the_caseload_and_the_childs_record(social_worker, child):
    client = signed_in(social_worker)
    link = reverse("casework:record", args=[child.pk, "visit"])
    assert link in client.get(reverse("casework:caseload")).content.decode()
    assert link in client.get(reverse("casework:child", args=[child.pk])).content.decode()


def test_visit_record_refuses_someone_who_may_not_see_the_child(other_team_worker, child, today):
    with pytest.raises(PermissionDenied):
        visit_record(
            acting_user=other_team_worker,
            child=child,
            kind="cp",
            visit_date=today,
            child_seen=True,
            seen_alone=False,
        )
    assert not AuditEvent.objects.exists()


# --- Looked-after reviews -------------------------------------------------------------------------


def test_recording_a_looked_after_review(social_worker, child, today):
    period = LookedAfterPeriodFactory(child=child)
    LookedAfterEpisodeFactory(period=period)
    client = signed_in(social_worker)
    url = reverse("casework:record", args=[child.pk, "cla_review"])
    assert "Child attended and spoke for themselves" in client.get(url).content.decode()
    response = client.post(url, {"review_date": typed(today), "participation": "PN1"})
    assert response.status_code == 302
    review = LookedAfterReview.objects.get(child=child)
    assert (review.period, review.review_date, review.participation) == (period, today, "PN1")
    assert AuditEvent.objects.filter(action="cla_review_record").count() == 1
    chronology = client.get(reverse("casework:chronology", args=[child.pk])).content.decode()
    assert "Looked-after review" in chronology


def test_a_review_for_a_child_not_looked_after_is_refused_in_plain_words(
    social_worker, child, today
):
    url = reverse("casework:record", args=[child.pk, "cla_review"])
    response = signed_in(social_worker).post(
        url, {"review_date": typed(today), "participation": "PN1"}
    )
    assert response.status_code == 400
    assert "was not looked after on the date of the review" in response.content.decode()
    assert not LookedAfterReview.objects.exists()


def test_cla_review_record_refuses_an_unknown_participation_code(social_worker, child, today):
    LookedAfterPeriodFactory(child=child)
    with pytest.raises(ValueError, match="REVIEW_CODE"):
        cla_review_record(
            acting_user=social_worker, child=child, review_date=today, participation="PN9"
        )


# --- Review child protection conferences ----------------------------------------------------------


def test_recording_a_review_conference_that_keeps_the_plan(social_worker, child, today):
    plan = ChildProtectionPlanFactory(episode=CINEpisodeFactory(child=child))
    url = reverse("casework:record", args=[child.pk, "cp_conference"])
    client = signed_in(social_worker)
    response = client.post(url, {"conference_date": typed(today), "plan_continues": "yes"})
    assert response.status_code == 302
    chronology = client.get(reverse("casework:chronology", args=[child.pk])).content.decode()
    assert "Review conference" in chronology and "Plan needed." in chronology
    conference = ChildProtectionConference.objects.get(plan=plan)
    assert (conference.kind, conference.plan_required) == ("review", True)
    plan.refresh_from_db()
    assert plan.end_date is None


def test_a_review_conference_that_ends_the_plan_ends_it_that_day(social_worker, child, today):
    plan = ChildProtectionPlanFactory(episode=CINEpisodeFactory(child=child))
    cp_conference_record(
        acting_user=social_worker, child=child, conference_date=today, plan_continues=False
    )
    plan.refresh_from_db()
    assert plan.end_date == today
    event = AuditEvent.objects.get(action="cp_conference_record")
    assert event.changes["plan_end_date"] == today.isoformat()


def test_a_review_conference_needs_an_open_plan(social_worker, child, today):
    with pytest.raises(ValueError, match="no child protection plan"):
        cp_conference_record(
            acting_user=social_worker, child=child, conference_date=today, plan_continues=True
        )


# --- Health assessments ---------------------------------------------------------------------------


def test_recording_a_health_assessment(social_worker, child, today):
    url = reverse("casework:record", args=[child.pk, "health_assessment"])
    client = signed_in(social_worker)
    response = client.post(url, {"kind": "review", "assessment_date": typed(today)})
    assert response.status_code == 302
    assert HealthAssessment.objects.get(child=child).kind == "review"
    chronology = client.get(reverse("casework:chronology", args=[child.pk])).content.decode()
    assert "Review health assessment" in chronology


def test_health_assessment_record_refuses_a_future_date(social_worker, child, today):
    with pytest.raises(ValueError, match="future"):
        health_assessment_record(
            acting_user=social_worker,
            child=child,
            kind="initial",
            assessment_date=today + timedelta(days=1),
        )


# --- Needs assessment of an eligible child (reg 42) -------------------------------------------


def test_an_overdue_needs_assessment_is_recorded_from_my_work_and_the_childs_record(
    social_worker, child, today
):
    # 16 some 120 days ago and looked after for three years: due a month or so ago.
    child.date_of_birth = add_years(today - timedelta(days=120), -16)
    child.save()
    LookedAfterPeriodFactory(child=child, start_date=add_years(today, -3))
    client = signed_in(social_worker)
    work = client.get(reverse("workforce:my_work")).content.decode()
    assert f'data-rule="needs_assessment" data-child="{child.pk}" data-status="overdue"' in work
    url = reverse("casework:record", args=[child.pk, "needs_assessment"])
    assert f'href="{url}?next=/work"' in work and "Record the needs assessment" in work
    record = client.get(reverse("casework:child", args=[child.pk])).content.decode()
    assert f'href="{url}"' in record and "Record a needs assessment" in record
    assert client.get(url).status_code == 200
    response = client.post(url + "?next=/work", {"assessment_date": typed(today)})
    assert response.status_code == 302 and response["Location"] == "/work"
    saved = NeedsAssessment.objects.get(child=child)
    assert saved.assessment_date == today and saved.created_by == social_worker
    audit = AuditEvent.objects.get(action="needs_assessment_record")
    assert audit.actor == social_worker and audit.object_id == str(saved.pk)
    work = client.get(reverse("workforce:my_work")).content.decode()
    assert f'data-rule="needs_assessment" data-child="{child.pk}" data-status="done_late"' in work


def test_a_needs_assessment_for_a_child_not_looked_after_is_refused_in_plain_words(
    social_worker, child, today
):
    url = reverse("casework:record", args=[child.pk, "needs_assessment"])
    response = signed_in(social_worker).post(url, {"assessment_date": typed(today)})
    assert response.status_code == 400
    assert "The child was not looked after on that date" in response.content.decode()
    assert not NeedsAssessment.objects.exists()
