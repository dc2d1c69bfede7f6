"""The security baseline: sign-in everywhere, CSRF, and a worker from another team refused."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from safeguard.web.access.models import AccessLogEntry
from safeguard.web.casework.models import CaseNote
from tests.conftest import CHILD_FIRST_NAME, CHILD_LA_ID, CHILD_LAST_NAME, signed_in
from tests.web.journeys import give_whole_journey

pytestmark = pytest.mark.django_db


def child_pages(child_id: int) -> list[tuple[str, str, dict]]:
    """(method, url, data) for every page of one child's record."""
    return [
        ("get", reverse("casework:child", args=[child_id]), {}),
        ("get", reverse("casework:chronology", args=[child_id]), {}),
        (
            "post",
            reverse("casework:note_add", args=[child_id]),
            {"title": "Sneaky", "note_date": "01/01/2024", "text": "Should not be saved"},
        ),
    ]


def assert_nothing_leaked(response) -> None:
    page = response.content.decode()
    for secret in (CHILD_FIRST_NAME, CHILD_LAST_NAME, CHILD_LA_ID):
        assert secret not in page, f"{secret} leaked"


@pytest.mark.parametrize("page", [0, 1, 2], ids=["record", "chronology", "add-note"])
def test_other_team_worker_is_refused_every_page_of_the_child(page, other_team_worker, child):
    give_whole_journey(child, None)
    method, url, data = child_pages(child.pk)[page]
    response = getattr(signed_in(other_team_worker), method)(url, data)
    assert response.status_code == 404
    assert_nothing_leaked(response)
    entry = AccessLogEntry.objects.get()
    assert (entry.user, entry.child, entry.allowed) == (other_team_worker, child, False)
    assert not CaseNote.objects.filter(title="Sneaky").exists()


def test_refusal_looks_exactly_like_a_missing_child(other_team_worker, child):
    client = signed_in(other_team_worker)
    refused = client.get(reverse("casework:child", args=[child.pk]))
    missing = client.get(reverse("casework:child", args=[child.pk + 999]))
    assert refused.status_code == missing.status_code == 404

    def normalised(response) -> str:
        page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
        return page.replace(str(child.pk + 999), "").replace(str(child.pk), "")

    assert normalised(refused) == normalised(missing)


def test_other_team_worker_cannot_find_the_child_by_search(other_team_worker, child):
    for text in (CHILD_LAST_NAME, CHILD_LA_ID, child.date_of_birth.strftime("%d/%m/%Y")):
        client = signed_in(other_team_worker)
        client.post(reverse("casework:search"), {"q": text})
        response = client.get(reverse("casework:search"), {"results": 1})
        assert response.context["page"].paginator.count == 0
        assert CHILD_FIRST_NAME not in response.content.decode()


@pytest.mark.parametrize(
    "url_name,args",
    [
        ("casework:caseload", []),
        ("casework:search", []),
        ("casework:child", [1]),
        ("casework:chronology", [1]),
        ("workforce:my_team", []),
        ("workforce:team", [1]),
    ],
)
def test_anonymous_requests_go_to_sign_in(url_name, args, client):
    url = reverse(url_name, args=args)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("access:sign_in") + "?next=")


def test_anonymous_note_post_goes_to_sign_in_and_saves_nothing(client, child):
    url = reverse("casework:note_add", args=[child.pk])
    response = client.post(url, {"title": "t", "note_date": "01/01/2024", "text": "x"})
    assert response.status_code == 302
    assert not CaseNote.objects.exists()


def test_note_form_needs_the_csrf_token(social_worker, child):
    client = signed_in(social_worker, enforce_csrf_checks=True)
    url = reverse("casework:note_add", args=[child.pk])
    data = {"title": "t", "note_date": "01/01/2024", "text": "x"}
    assert client.post(url, data).status_code == 403
    assert not CaseNote.objects.exists()

    page = client.get(reverse("casework:chronology", args=[child.pk]))
    token = page.context["csrf_token"]
    assert client.post(url, {**data, "csrfmiddlewaretoken": str(token)}).status_code == 302
    assert CaseNote.objects.count() == 1


def test_sign_in_needs_the_csrf_token(social_worker):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("access:sign_in"), {"username": "sam.worker", "password": "x"})
    assert response.status_code == 403
