"""HTTP tests for every page, signed in as the personas."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from safeguard.web.access.models import AccessLogEntry, User
from safeguard.web.casework.models import CaseNote
from tests.conftest import signed_in
from tests.factories import (
    AccessGrantFactory,
    AllocationFactory,
    CaseNoteFactory,
    HouseholdFactory,
    HouseholdMemberFactory,
    PersonFactory,
    RelationshipFactory,
    StaffFactory,
)
from tests.web.journeys import give_whole_journey

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return response.content.decode()


# --- Sign in and out ----------------------------------------------------------------------------


def test_sign_in_page_has_labelled_fields(client):
    page = text_of(client.get(reverse("access:sign_in")))
    assert '<label class="govuk-label" for="id_username">Username</label>' in page
    assert '<label class="govuk-label" for="id_password">Password</label>' in page
    assert "<title>Sign in \u2013 Safeguard</title>" in page


def test_signing_in_with_the_right_password_opens_my_caseload(social_worker):
    social_worker.set_password("correct horse battery")
    social_worker.save()
    client = Client()
    response = client.post(
        reverse("access:sign_in"),
        {"username": "sam.worker", "password": "correct horse battery"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("casework:caseload")


def test_signing_in_with_the_wrong_password_says_so(social_worker):
    social_worker.set_password("correct horse battery")
    social_worker.save()
    response = Client().post(
        reverse("access:sign_in"), {"username": "sam.worker", "password": "wrong"}
    )
    assert response.status_code == 200
    assert "There is a problem" in text_of(response)
    assert "<title>Error: Sign in \u2013 Safeguard</title>" in text_of(response)


def test_passwords_are_hashed_with_argon2(social_worker):
    social_worker.set_password("correct horse battery")
    social_worker.save()
    social_worker.refresh_from_db()
    assert social_worker.password.startswith("argon2$argon2id$")


def test_sign_out_needs_a_post(social_worker):
    client = signed_in(social_worker)
    assert client.get(reverse("access:sign_out")).status_code == 405
    response = client.post(reverse("access:sign_out"))
    assert response.status_code == 302
    assert response["Location"] == reverse("access:sign_in")
    assert client.get(reverse("casework:caseload")).status_code == 302


def test_every_page_shows_navigation_and_the_skip_link(social_worker):
    page = text_of(signed_in(social_worker).get(reverse("casework:caseload")))
    for words in ("Skip to main content", "My caseload", "Team", "Search", "Sign out"):
        assert words in page
    assert 'id="main-content"' in page
    assert "govuk-frontend.min.js" in page
    assert "GDS Transport" not in page
    assert "govuk-logo" not in page  # no crown


# --- Caseload -----------------------------------------------------------------------------------


def test_caseload_lists_my_children_with_stage_and_key_dates(social_worker, child, today):
    give_whole_journey(child, social_worker.staff)
    page = text_of(signed_in(social_worker).get(reverse("casework:caseload")))
    assert "Zephyrine Quillfeather" in page
    assert "LAID-7731" in page
    assert reverse("casework:child", args=[child.pk]) in page
    assert "Looked after" in page
    assert (today - timedelta(days=3)).strftime("%-d %b %Y") in page  # last visit


def test_caseload_leaves_out_a_colleagues_children(social_worker, child):
    colleague = StaffFactory(team=social_worker.staff.team)
    AllocationFactory(worker=colleague, child=PersonFactory(first_name="Colleaguechild"))
    page = text_of(signed_in(social_worker).get(reverse("casework:caseload")))
    assert "Colleaguechild" not in page


def test_caseload_of_someone_with_no_children_says_so(director):
    page = text_of(signed_in(director).get(reverse("casework:caseload")))
    assert "No children are allocated to you today." in page


# --- Child's record -----------------------------------------------------------------------------


def test_child_record_shows_every_part_of_the_journey(social_worker, child):
    give_whole_journey(child, social_worker.staff)
    response = signed_in(social_worker).get(reverse("casework:child", args=[child.pk]))
    assert response.status_code == 200
    page = text_of(response)
    for words in (
        "Zephyrine Quillfeather",
        "Identity",
        "Family and household",
        "Maud Parentis",
        "Parental responsibility",
        "Unknown adult",
        "An adult whose identity is not known lives in this child",
        "Referrals and child in need episodes",
        "Assessments",
        "Section 47 enquiries",
        "Initial conference",
        "Child protection plans",
        "Child in need plans",
        "Looked after from",
        "U4",
        "Looked-after reviews",
        "Missing and absent",
        "Initial health assessment",
        "Former relevant child",
        "Decision to adopt",
        "Allocation history",
        "Sam Worker",
    ):
        assert words in page, words
    log = AccessLogEntry.objects.get()
    assert (log.user, log.child, log.page, log.allowed) == (
        social_worker,
        child,
        "child_record",
        True,
    )


def test_child_record_page_title_does_not_carry_the_name(social_worker, child):
    page = text_of(signed_in(social_worker).get(reverse("casework:child", args=[child.pk])))
    title = page.split("<title>")[1].split("</title>")[0]
    assert "Quillfeather" not in title


def test_team_manager_opens_their_teams_child(team_manager, child):
    response = signed_in(team_manager).get(reverse("casework:child", args=[child.pk]))
    assert response.status_code == 200


# --- Chronology and notes -----------------------------------------------------------------------


def test_chronology_lists_every_kind_of_event_newest_first(social_worker, child):
    give_whole_journey(child, social_worker.staff)
    response = signed_in(social_worker).get(reverse("casework:chronology", args=[child.pk]))
    entries = response.context["entries"]
    assert {e.kind for e in entries} == set(response.context["kinds"])
    dates = [e.on for e in entries]
    assert dates == sorted(dates, reverse=True)
    assert 'id="chronology"' in text_of(response)
    assert AccessLogEntry.objects.get().page == "chronology"


def test_chronology_filters_by_kind(social_worker, child):
    give_whole_journey(child, social_worker.staff)
    url = reverse("casework:chronology", args=[child.pk])
    response = signed_in(social_worker).get(url, {"kind": ["visit", "note"]})
    assert {e.kind for e in response.context["entries"]} == {"visit", "note"}
    assert 'value="visit" checked' in text_of(response)


def test_chronology_ignores_an_unknown_kind(social_worker, child):
    CaseNoteFactory(child=child)
    url = reverse("casework:chronology", args=[child.pk])
    response = signed_in(social_worker).get(url, {"kind": "nonsense"})
    assert response.status_code == 200
    assert {e.kind for e in response.context["entries"]} == {"allocation", "note"}


def test_adding_a_note_puts_it_in_the_chronology(social_worker, child, today):
    client = signed_in(social_worker)
    response = client.post(
        reverse("casework:note_add", args=[child.pk]),
        {"title": "Call from school", "note_date": today.strftime("%d/%m/%Y"), "text": "All well."},
        follow=True,
    )
    assert response.redirect_chain[-1][0].endswith(
        reverse("casework:chronology", args=[child.pk]) + "#chronology"
    )
    page = text_of(response)
    assert "Note added to the chronology" in page
    assert "Call from school" in page and "All well." in page
    note = CaseNote.objects.get()
    assert (note.author, note.note_date) == (social_worker.staff, today)


def test_note_form_accepts_an_iso_date(social_worker, child, today):
    signed_in(social_worker).post(
        reverse("casework:note_add", args=[child.pk]),
        {"title": "t", "note_date": today.isoformat(), "text": "x"},
    )
    assert CaseNote.objects.get().note_date == today


def test_note_form_shows_errors_and_keeps_what_was_typed(social_worker, child, today):
    response = signed_in(social_worker).post(
        reverse("casework:note_add", args=[child.pk]),
        {"title": "", "note_date": "31/02/2024", "text": "Kept text"},
    )
    assert response.status_code == 400
    page = text_of(response)
    assert "Enter a title for the note" in page
    assert "Date must be a real date" in page
    assert "Kept text" in page
    assert not CaseNote.objects.exists()


def test_note_form_refuses_a_future_date(social_worker, child, today):
    response = signed_in(social_worker).post(
        reverse("casework:note_add", args=[child.pk]),
        {"title": "t", "note_date": (today + timedelta(1)).strftime("%d/%m/%Y"), "text": "x"},
    )
    assert "must be today or in the past" in text_of(response)
    assert not CaseNote.objects.exists()


def test_note_form_needs_a_post(social_worker, child):
    url = reverse("casework:note_add", args=[child.pk])
    assert signed_in(social_worker).get(url).status_code == 405


# --- Team ---------------------------------------------------------------------------------------


def test_team_page_shows_workers_caseloads_and_unallocated_children(team_manager, child):
    team = team_manager.staff.team
    AllocationFactory(worker=None, team=team, child=PersonFactory(first_name="Waitingchild"))
    client = signed_in(team_manager)
    response = client.get(reverse("workforce:my_team"))
    assert response["Location"] == reverse("workforce:team", args=[team.pk])
    response = client.get(response["Location"])
    page = text_of(response)
    assert "North Child in Need" in page
    workers = {w.full_name: w.caseload for w in response.context["summary"].workers}
    assert workers == {"Sam Worker": 1, "Tess Manager": 0}
    assert "Waitingchild" in page
    assert "Zephyrine" not in page  # allocated children are counted, not listed


def test_team_page_of_another_team_is_not_found(team_manager, organisation):
    url = reverse("workforce:team", args=[organisation.team_b.pk])
    assert signed_in(team_manager).get(url).status_code == 404


def test_director_gets_a_list_of_teams(director, organisation):
    response = signed_in(director).get(reverse("workforce:my_team"))
    assert response.status_code == 200
    assert "South Children in Care" in text_of(response)


def test_system_administrator_sees_no_teams_work(system_administrator, organisation):
    page = text_of(signed_in(system_administrator).get(reverse("workforce:my_team")))
    assert "North Child in Need" not in page


# --- Roles without case access -------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["system_administrator", "expert_adviser"])
def test_roles_without_case_access_are_refused_the_record(persona, request, child):
    user: User = request.getfixturevalue(persona)
    response = signed_in(user).get(reverse("casework:child", args=[child.pk]))
    assert response.status_code == 404
    assert "Quillfeather" not in text_of(response)


def test_director_opens_any_child(director, child):
    assert signed_in(director).get(reverse("casework:child", args=[child.pk])).status_code == 200


def test_restricted_child_opens_only_with_a_grant(social_worker, restricted_child):
    url = reverse("casework:child", args=[restricted_child.pk])
    assert signed_in(social_worker).get(url).status_code == 404


def test_restricted_child_with_a_grant_opens(social_worker, restricted_child_with_grant):
    url = reverse("casework:child", args=[restricted_child_with_grant.pk])
    assert signed_in(social_worker).get(url).status_code == 200


def test_health_check_is_open(client):
    assert client.get("/healthz").content == b"ok"


def test_error_summary_links_go_to_the_fields(social_worker, child):
    response = signed_in(social_worker).post(
        reverse("casework:note_add", args=[child.pk]), {"title": "", "note_date": "", "text": ""}
    )
    page = text_of(response)
    for field_id in ("note-title", "note-date", "note-text"):
        assert f'href="#{field_id}"' in page
        assert f'id="{field_id}"' in page


def test_a_restricted_relatives_name_is_withheld_on_the_record(social_worker, child):
    sibling = PersonFactory(first_name="Hushabye", last_name="Veiled", is_restricted=True)
    RelationshipFactory(person=child, related_person=sibling, kind="sibling")
    household = HouseholdFactory()
    HouseholdMemberFactory(household=household, person=child)
    HouseholdMemberFactory(household=household, person=sibling)
    page = text_of(signed_in(social_worker).get(reverse("casework:child", args=[child.pk])))
    assert "Veiled" not in page and "Hushabye" not in page
    assert page.count("Name withheld (restricted record)") == 2


def test_a_restricted_relatives_name_shows_with_a_grant(social_worker, child):
    sibling = PersonFactory(first_name="Hushabye", last_name="Veiled", is_restricted=True)
    RelationshipFactory(person=child, related_person=sibling, kind="sibling")
    AccessGrantFactory(user=social_worker, child=sibling)
    page = text_of(signed_in(social_worker).get(reverse("casework:child", args=[child.pk])))
    assert "Hushabye Veiled" in page
