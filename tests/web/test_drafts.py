"""Drafts that save themselves: the endpoint safeguard.js calls, and the forms that restore them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from safeguard.web.access.models import AuditEvent
from safeguard.web.casework.models import Draft
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db

WORDS = "Zephyrine was drawing at the kitchen table when I arrived."


def draft_url(child, form_name: str = "visit") -> str:
    return reverse("casework:draft", args=[child.pk, form_name])


def save(client, child, form_name: str = "visit", **fields):
    return client.post(draft_url(child, form_name), fields)


def test_saving_a_draft_keeps_the_fields_and_says_when(social_worker, child):
    client = signed_in(social_worker)
    response = save(client, child, notes=WORDS, seen_alone="yes")
    assert response.status_code == 200
    answer = response.json()
    assert answer["saved"] is True
    assert len(answer["saved_at"]) == 5  # HH:MM
    draft = Draft.objects.get()
    assert (draft.user, draft.child, draft.form_name) == (social_worker, child, "visit")
    assert draft.data == {"notes": WORDS, "seen_alone": "yes"}


def test_saving_again_updates_the_one_draft(social_worker, child):
    client = signed_in(social_worker)
    save(client, child, notes="first words")
    save(client, child, notes=WORDS)
    assert Draft.objects.count() == 1
    assert Draft.objects.get().data["notes"] == WORDS


def test_fields_the_form_does_not_have_are_not_kept(social_worker, child):
    save(signed_in(social_worker), child, notes=WORDS, csrfmiddlewaretoken="x", is_admin="1")
    assert Draft.objects.get().data == {"notes": WORDS}


def test_a_draft_is_read_back_by_its_owner(social_worker, child):
    client = signed_in(social_worker)
    assert client.get(draft_url(child)).json() == {"draft": None}
    save(client, child, notes=WORDS)
    assert client.get(draft_url(child)).json()["draft"] == {"notes": WORDS}


def test_the_visit_form_opens_with_the_draft_and_says_so(social_worker, child):
    client = signed_in(social_worker)
    save(client, child, notes=WORDS, seen_alone="no")
    html = client.get(reverse("casework:record", args=[child.pk, "visit"])).content.decode()
    saved_at = timezone.localtime(Draft.objects.get().updated_at).strftime("%H:%M")
    assert f"Draft restored from {saved_at}" in html
    assert WORDS in html
    assert 'name="seen_alone" type="radio" value="no" checked' in html
    assert "Discard draft" in html


def test_the_note_form_opens_with_its_draft(social_worker, child):
    client = signed_in(social_worker)
    save(client, child, "note", title="Call from school", text=WORDS)
    html = client.get(reverse("casework:chronology", args=[child.pk])).content.decode()
    assert "Draft restored from" in html
    assert 'value="Call from school"' in html and WORDS in html


def test_a_form_without_a_draft_says_nothing_about_one(social_worker, child):
    html = signed_in(social_worker).get(reverse("casework:record", args=[child.pk, "visit"]))
    assert "Draft restored" not in html.content.decode()


def test_only_your_own_drafts_are_restored(social_worker, team_manager, child):
    save(signed_in(social_worker), child, notes=WORDS)
    manager = signed_in(team_manager)
    assert manager.get(draft_url(child)).json() == {"draft": None}
    html = manager.get(reverse("casework:record", args=[child.pk, "visit"])).content.decode()
    assert WORDS not in html and "Draft restored" not in html
    save(manager, child, notes="the manager's own words")
    assert Draft.objects.count() == 2
    assert signed_in(social_worker).get(draft_url(child)).json()["draft"] == {"notes": WORDS}


def test_drafts_are_refused_for_a_child_you_cannot_see(other_team_worker, child):
    client = signed_in(other_team_worker)
    assert save(client, child, notes=WORDS).status_code == 404
    assert client.get(draft_url(child)).status_code == 404
    assert not Draft.objects.exists()


def test_a_restricted_child_refuses_drafts_without_a_grant(social_worker, restricted_child):
    assert save(signed_in(social_worker), restricted_child, notes=WORDS).status_code == 404


def test_an_unknown_form_keeps_no_draft(social_worker, child):
    assert save(signed_in(social_worker), child, "anything", notes=WORDS).status_code == 404


def test_a_draft_too_long_to_keep_is_refused(social_worker, child):
    response = save(signed_in(social_worker), child, notes="x" * 40_001)
    assert response.status_code == 400
    assert not Draft.objects.exists()


def test_sending_the_visit_archives_its_draft(social_worker, child, today):
    client = signed_in(social_worker)
    save(client, child, notes=WORDS)
    response = client.post(
        reverse("casework:record", args=[child.pk, "visit"]),
        {
            "kind": "cp",
            "visit_date": today.strftime("%d/%m/%Y"),
            "mode": "in_person",
            "outcome": "completed",
            "child_seen": "yes",
            "seen_alone": "yes",
            "notes": WORDS,
        },
    )
    assert response.status_code == 302
    draft = Draft.objects.get()
    assert draft.archived_at is not None
    assert client.get(draft_url(child)).json() == {"draft": None}
    html = client.get(reverse("casework:record", args=[child.pk, "visit"])).content.decode()
    assert WORDS not in html


def test_a_visit_with_a_problem_keeps_its_draft(social_worker, child, today):
    client = signed_in(social_worker)
    save(client, child, notes=WORDS)
    client.post(reverse("casework:record", args=[child.pk, "visit"]), {"notes": WORDS})
    assert Draft.objects.get().archived_at is None


def test_sending_a_note_archives_its_draft(social_worker, child, today):
    client = signed_in(social_worker)
    save(client, child, "note", title="Call", text=WORDS)
    client.post(
        reverse("casework:note_add", args=[child.pk]),
        {"title": "Call", "note_date": today.strftime("%d/%m/%Y"), "text": WORDS},
    )
    assert Draft.objects.get().archived_at is not None


def test_a_save_still_on_its_way_after_sending_does_not_bring_the_draft_back(
    social_worker, child, today
):
    client = signed_in(social_worker)
    opened = (timezone.now() - timedelta(seconds=30)).isoformat()
    save(client, child, notes=WORDS, _opened_at=opened)
    client.post(
        reverse("casework:record", args=[child.pk, "visit"]),
        {
            "kind": "cp",
            "visit_date": today.strftime("%d/%m/%Y"),
            "mode": "in_person",
            "outcome": "completed",
            "child_seen": "yes",
            "seen_alone": "yes",
        },
    )
    late = save(client, child, notes=WORDS + " more", _opened_at=opened)
    assert late.json()["saved"] is False
    assert not Draft.objects.filter(archived_at__isnull=True).exists()
    # A form opened afresh after sending keeps drafts again.
    again = save(client, child, notes="next visit", _opened_at=timezone.now().isoformat())
    assert again.json()["saved"] is True


def test_discarding_a_draft_archives_it_and_reopens_the_form(social_worker, child):
    client = signed_in(social_worker)
    save(client, child, notes=WORDS)
    response = client.post(
        reverse("casework:draft_discard", args=[child.pk, "visit"]), {"next": "/work"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("casework:record", args=[child.pk, "visit"]) + (
        "?next=%2Fwork"
    )
    assert Draft.objects.get().archived_at is not None
    assert Draft.objects.count() == 1  # archived, never deleted


def test_a_draft_needs_a_post_with_a_csrf_token(social_worker, child):
    client = signed_in(social_worker, enforce_csrf_checks=True)
    assert save(client, child, notes=WORDS).status_code == 403
    assert not Draft.objects.exists()


def test_drafts_write_no_audit_entries(social_worker, child):
    save(signed_in(social_worker), child, notes=WORDS)
    assert not AuditEvent.objects.exists()
