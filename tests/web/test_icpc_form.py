"""Recording an initial child protection conference (ICPC) after a section 47 enquiry.

Through HTTP as a worker would, from My work and the child's record, and through the real
selectors, so the ICPC work item is seen to turn done when the conference is saved.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from safeguard.web.access.models import AuditEvent
from safeguard.web.casework.models import (
    ChildProtectionConference,
    ChildProtectionPlan,
    Draft,
    Person,
    Section47Enquiry,
)
from safeguard.web.casework.selectors import enquiries_awaiting_icpc
from safeguard.web.casework.services import icpc_record
from safeguard.web.timescales.selectors import work_for_worker
from tests.conftest import signed_in
from tests.factories import (
    ChildProtectionConferenceFactory,
    ChildProtectionPlanFactory,
    CINEpisodeFactory,
    Section47EnquiryFactory,
    StrategyDiscussionFactory,
)

pytestmark = pytest.mark.django_db

# Ceiling a little above the 10 measured for opening the form (session, user, access check and
# its log, the enquiries with their conferences, the draft); it must not grow with the record.
MAX_FORM_QUERIES = 12


def typed(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def an_enquiry(child: Person, today: date, *, discussed_days_ago: int = 30) -> Section47Enquiry:
    """An open referral with a strategy discussion and the section 47 enquiry it agreed."""
    episode = CINEpisodeFactory(child=child, referral_date=today - timedelta(days=60))
    discussion = StrategyDiscussionFactory(
        episode=episode, discussion_date=today - timedelta(days=discussed_days_ago)
    )
    return Section47EnquiryFactory(
        episode=episode,
        strategy_discussion=discussion,
        start_date=discussion.discussion_date,
        end_date=None,
        outcome="",
    )


def form_url(child: Person, **query: str) -> str:
    url = reverse("casework:record", args=[child.pk, "icpc"])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def icpc_status(social_worker, child: Person, today: date) -> str | None:
    items = work_for_worker(social_worker.staff, as_at=today)
    found = [i.status for i in items if i.rule_id == "icpc" and i.child_id == child.pk]
    return found[-1] if found else None


def test_an_overdue_icpc_with_a_plan_is_recorded_from_my_work(social_worker, child, today):
    enquiry = an_enquiry(child, today, discussed_days_ago=30)
    client = signed_in(social_worker)
    work = client.get(reverse("workforce:my_work")).content.decode()
    assert f'data-rule="icpc" data-child="{child.pk}" data-status="overdue"' in work
    assert f'href="{form_url(child)}?next=/work"' in work
    page = client.get(form_url(child, next="/work"))
    assert page.status_code == 200
    html = page.content.decode()
    # One enquiry waiting: it is the answer, and no question is asked about it.
    assert f'type="hidden" name="section47" value="{enquiry.pk}"' in html
    assert "Which section 47 enquiry" not in html
    assert "Neglect (NEG)" in html and "Emotional abuse (EMO)" in html
    response = client.post(
        form_url(child, next="/work"),
        {
            "conference_date": typed(today),
            "section47": enquiry.pk,
            "plan_required": "yes",
            "category": "EMO",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/work"
    conference = ChildProtectionConference.objects.get(kind="initial")
    plan = ChildProtectionPlan.objects.get()
    assert (conference.section47, conference.plan, conference.plan_required) == (
        enquiry,
        plan,
        True,
    )
    assert (plan.start_date, plan.initial_category, plan.latest_category) == (today, "EMO", "EMO")
    assert plan.number_of_previous_plans == 0 and plan.episode == enquiry.episode
    assert conference.created_by == social_worker
    audit = AuditEvent.objects.get(action="icpc_record")
    assert audit.actor == social_worker and audit.object_id == str(conference.pk)
    assert audit.changes["plan_id"] == plan.pk and audit.changes["category"] == "EMO"
    assert icpc_status(social_worker, child, today) == "done_late"
    work = client.get(reverse("workforce:my_work")).content.decode()
    assert f'data-rule="icpc" data-child="{child.pk}" data-status="done_late"' in work
    record = client.get(reverse("casework:child", args=[child.pk])).content.decode()
    assert f"{today.day} {today:%b %Y} to now, category Emotional abuse" in record
    assert "Initial conference, " in record and "plan needed" in record
    # The enquiry has its conference now: the button is gone from the record.
    assert "Record the initial conference" not in record


def test_an_icpc_without_a_plan_in_time_is_done_on_time(social_worker, child, today):
    enquiry = an_enquiry(child, today, discussed_days_ago=3)
    assert icpc_status(social_worker, child, today) in {"due", "due_soon"}
    client = signed_in(social_worker)
    record = client.get(reverse("casework:child", args=[child.pk])).content.decode()
    assert f'href="{form_url(child)}"' in record and "Record the initial conference" in record
    response = client.post(
        form_url(child),
        {"conference_date": typed(today), "section47": enquiry.pk, "plan_required": "no"},
    )
    assert response.status_code == 302
    conference = ChildProtectionConference.objects.get()
    assert conference.plan_required is False and conference.plan is None
    assert not ChildProtectionPlan.objects.exists()
    assert AuditEvent.objects.get(action="icpc_record").changes["plan_required"] is False
    assert icpc_status(social_worker, child, today) == "done_on_time"
    assert enquiries_awaiting_icpc(child) == []


def test_a_category_left_from_a_change_of_mind_is_dropped_when_no_plan_is_needed(
    social_worker, child, today
):
    enquiry = an_enquiry(child, today)
    signed_in(social_worker).post(
        form_url(child),
        {
            "conference_date": typed(today),
            "section47": enquiry.pk,
            "plan_required": "no",
            "category": "NEG",
        },
    )
    assert ChildProtectionConference.objects.get().plan_required is False
    assert "category" not in AuditEvent.objects.get(action="icpc_record").changes


def test_previous_plans_are_counted_from_the_childs_earlier_plans(social_worker, child, today):
    earlier = CINEpisodeFactory(
        child=child, referral_date=today - timedelta(days=900), closure_date=today - timedelta(60)
    )
    ChildProtectionPlanFactory(
        episode=earlier,
        start_date=today - timedelta(days=800),
        end_date=today - timedelta(days=600),
        number_of_previous_plans=2,
    )
    ChildProtectionPlanFactory(
        episode=earlier, start_date=today - timedelta(days=400), end_date=today - timedelta(90)
    )
    enquiry = an_enquiry(child, today)
    conference = icpc_record(
        acting_user=social_worker,
        child=child,
        section47=enquiry,
        conference_date=today,
        plan_required=True,
        category="NEG",
    )
    # Two before the first plan held here (imported), that plan, and the one after it.
    assert conference.plan.number_of_previous_plans == 4


def test_the_worker_chooses_the_enquiry_when_two_wait_latest_first(social_worker, child, today):
    older = an_enquiry(child, today, discussed_days_ago=40)
    latest = Section47EnquiryFactory(
        episode=older.episode, start_date=today - timedelta(days=10), end_date=None, outcome=""
    )
    html = signed_in(social_worker).get(form_url(child)).content.decode()
    assert "Which section 47 enquiry does the conference follow?" in html
    assert f'value="{latest.pk}" checked' in html
    assert f'value="{older.pk}" checked' not in html
    assert f"Section 47 enquiry started {latest.start_date.day} {latest.start_date:%B %Y}" in html


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"conference_date": ""}, "conference_date", "Enter the date of the conference"),
        (
            {"conference_date": "31/02/2026"},
            "conference_date",
            "Date must be a real date, like 27/11/2026",
        ),
        (
            {"conference_date": "tomorrow"},
            "conference_date",
            "Date of the conference must be today or in the past",
        ),
        (
            {"conference_date": "before"},
            "conference_date",
            "Date of the conference must be on or after the section 47 enquiry started",
        ),
        (
            {"plan_required": ""},
            "plan_required",
            "Select whether a child protection plan is needed",
        ),
        ({"category": ""}, "category", "Select the category of abuse for the plan"),
        ({"category": "XYZ"}, "category", "Select a category of abuse from the list"),
    ],
)
def test_problems_are_said_in_plain_words_and_nothing_is_saved(
    social_worker, child, today, changes, field, message
):
    enquiry = an_enquiry(child, today)
    dates = {
        "tomorrow": typed(today + timedelta(days=1)),
        "before": typed(enquiry.start_date - timedelta(days=1)),
    }
    fields = {
        "conference_date": typed(today),
        "section47": str(enquiry.pk),
        "plan_required": "yes",
        "category": "NEG",
    }
    fields |= {k: dates.get(v, v) for k, v in changes.items()}
    response = signed_in(social_worker).post(form_url(child), fields)
    assert response.status_code == 400
    html = response.content.decode()
    assert f'href="#id_{field}"' in html and message in html
    assert "<title>Error: Record the initial child protection conference" in html
    assert not ChildProtectionConference.objects.exists()
    assert not AuditEvent.objects.filter(action="icpc_record").exists()


def test_a_child_with_no_enquiry_waiting_is_told_so(social_worker, child, today):
    enquiry = an_enquiry(child, today)
    ChildProtectionConferenceFactory(episode=enquiry.episode, section47=enquiry)
    record = signed_in(social_worker).get(reverse("casework:child", args=[child.pk]))
    assert "Record the initial conference" not in record.content.decode()
    page = signed_in(social_worker).get(form_url(child)).content.decode()
    assert "There is no section 47 enquiry waiting for an initial conference" in page
    response = signed_in(social_worker).post(
        form_url(child),
        {"conference_date": typed(today), "section47": enquiry.pk, "plan_required": "no"},
    )
    assert response.status_code == 400
    assert "There is no section 47 enquiry waiting for an initial conference" in (
        response.content.decode()
    )
    assert ChildProtectionConference.objects.count() == 1


@pytest.mark.parametrize(
    "setup",
    ["not_required", "ended_as_cin", "episode_closed", "imported_conference"],
)
def test_enquiries_needing_no_conference_are_not_offered(social_worker, child, today, setup):
    enquiry = an_enquiry(child, today)
    if setup == "not_required":
        enquiry.icpc_not_required = True
        enquiry.save()
    elif setup == "ended_as_cin":
        enquiry.end_date, enquiry.outcome = today, "cin"
        enquiry.save()
    elif setup == "episode_closed":
        enquiry.episode.closure_date = today
        enquiry.episode.save()
    else:
        # A CIN return's DateOfInitialCPC names no enquiry; the timescale counts it all the same.
        ChildProtectionConferenceFactory(episode=enquiry.episode, conference_date=today)
    assert enquiries_awaiting_icpc(child) == []
    record = signed_in(social_worker).get(reverse("casework:child", args=[child.pk]))
    assert "Record the initial conference" not in record.content.decode()


def test_a_worker_from_another_team_is_refused_the_page_and_the_save(
    other_team_worker, child, today
):
    enquiry = an_enquiry(child, today)
    client = signed_in(other_team_worker)
    assert client.get(form_url(child)).status_code == 404
    posted = client.post(
        form_url(child),
        {"conference_date": typed(today), "section47": enquiry.pk, "plan_required": "no"},
    )
    assert posted.status_code == 404
    assert client.post(reverse("casework:draft", args=[child.pk, "icpc"]), {}).status_code == 404
    assert not ChildProtectionConference.objects.exists()
    with pytest.raises(PermissionDenied):
        icpc_record(
            acting_user=other_team_worker,
            child=child,
            section47=enquiry,
            conference_date=today,
            plan_required=False,
        )


def test_icpc_record_refuses_another_childs_enquiry(social_worker, child, today):
    someone_else = an_enquiry(CINEpisodeFactory().child, today)
    with pytest.raises(ValueError, match="not on this child's open referral"):
        icpc_record(
            acting_user=social_worker,
            child=child,
            section47=someone_else,
            conference_date=today,
            plan_required=False,
        )


def test_icpc_record_refuses_a_second_plan_open_that_day(social_worker, child, today):
    enquiry = an_enquiry(child, today)
    ChildProtectionPlanFactory(episode=enquiry.episode, start_date=today - timedelta(days=5))
    with pytest.raises(ValueError, match="already had a child protection plan"):
        icpc_record(
            acting_user=social_worker,
            child=child,
            section47=enquiry,
            conference_date=today,
            plan_required=True,
            category="NEG",
        )
    assert not ChildProtectionConference.objects.exists()


def test_the_draft_saves_itself_and_is_restored_then_archived_on_save(social_worker, child, today):
    enquiry = an_enquiry(child, today)
    client = signed_in(social_worker)
    draft_url = reverse("casework:draft", args=[child.pk, "icpc"])
    kept = {
        "conference_date": typed(today - timedelta(days=1)),
        "section47": str(enquiry.pk),
        "plan_required": "yes",
        "category": "PHY",
    }
    assert client.post(draft_url, {**kept, "unknown": "x"}).json()["saved"] is True
    assert Draft.objects.get(form_name="icpc").data == kept
    html = client.get(form_url(child)).content.decode()
    assert f'value="{kept["conference_date"]}"' in html
    assert 'name="plan_required" type="radio" value="yes" checked' in html
    assert 'name="category" type="radio" value="PHY" checked' in html
    assert "Discard draft" in html
    client.post(form_url(child), kept)
    assert ChildProtectionPlan.objects.get().initial_category == "PHY"
    assert Draft.objects.get(form_name="icpc").archived_at is not None
    assert client.get(draft_url).json() == {"draft": None}


def test_opening_the_form_runs_a_bounded_number_of_queries(social_worker, child, today):
    client = signed_in(social_worker)
    for days in (90, 60):
        an_enquiry(child, today, discussed_days_ago=days)
    with CaptureQueriesContext(connection) as small:
        assert client.get(form_url(child)).status_code == 200
    for days in (50, 40, 30, 20):
        an_enquiry(child, today, discussed_days_ago=days)
    with CaptureQueriesContext(connection) as large:
        assert client.get(form_url(child)).status_code == 200
    assert len(large) == len(small) <= MAX_FORM_QUERIES
