"""Search by partial name, LA id or date of birth: scoped, ranked and paginated."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from safeguard.web.access.models import User
from tests.conftest import _persona, signed_in
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst(db):
    return _persona("pam.analyst", User.Role.PERFORMANCE_ANALYST)


def search(client, text: str, page: int | None = None):
    """Search as the page does: POST the words, then GET the results page it redirects to."""
    posted = client.post(reverse("casework:search"), {"q": text})
    assert posted.status_code == 302
    assert posted["Location"] == reverse("casework:search") + "?results=1"
    response = client.get(reverse("casework:search"), {"results": 1, "page": page or 1})
    assert response.status_code == 200
    return response


def found(user, text: str, page: int | None = None) -> list[str]:
    response = search(signed_in(user), text, page)
    return [p.la_person_id for p in response.context["page"]]


def test_exact_id_comes_first(analyst):
    PersonFactory(la_person_id="1234", last_name="Exactid")
    PersonFactory(la_person_id="12345", last_name="Longerid")
    assert found(analyst, "1234")[:2] == ["1234", "12345"]


def test_exact_full_name_beats_prefix_and_contains(analyst):
    PersonFactory(la_person_id="contains", first_name="Anna", last_name="Bsmithson")
    PersonFactory(la_person_id="prefix", first_name="Anna", last_name="Smithers")
    PersonFactory(la_person_id="exact", first_name="Anna", last_name="Smith")
    assert found(analyst, "anna smith") == ["exact", "prefix", "contains"]


def test_partial_name_finds_first_and_last_names(analyst):
    PersonFactory(la_person_id="by-first", first_name="Jolene", last_name="Park")
    PersonFactory(la_person_id="by-last", first_name="Amir", last_name="Joliffe")
    PersonFactory(la_person_id="neither", first_name="Amir", last_name="Khan")
    assert set(found(analyst, "JOL")) == {"by-first", "by-last"}


def test_partial_first_and_last_name_together(analyst):
    PersonFactory(la_person_id="right", first_name="Jolene", last_name="Parkinson")
    PersonFactory(la_person_id="wrong", first_name="Jolene", last_name="Khan")
    assert found(analyst, "jo park") == ["right"]


@pytest.mark.parametrize("typed", ["03/02/2015", "2015-02-03"])
def test_date_of_birth_in_either_format(analyst, typed):
    PersonFactory(la_person_id="born", date_of_birth=date(2015, 2, 3))
    PersonFactory(la_person_id="other", date_of_birth=date(2015, 3, 2))
    assert found(analyst, typed) == ["born"]


def test_search_is_scoped_to_what_the_user_may_see(social_worker, child):
    PersonFactory(first_name=child.first_name, last_name=child.last_name, la_person_id="unseen")
    assert found(social_worker, child.last_name) == [child.la_person_id]


def test_restricted_people_do_not_appear_without_a_grant(analyst):
    PersonFactory(la_person_id="secret", last_name="Hush", is_restricted=True)
    assert found(analyst, "Hush") == []


def test_results_are_paginated(analyst):
    PersonFactory.create_batch(25, last_name="Pageson")
    assert len(found(analyst, "pageson")) == 20
    assert len(found(analyst, "pageson", page=2)) == 5


def test_empty_search_shows_just_the_form(analyst):
    response = signed_in(analyst).get(reverse("casework:search"))
    assert response.context["page"] is None
    assert 'for="search-q"' in response.content.decode()


def test_no_results_says_so(analyst):
    assert "No results" in search(signed_in(analyst), "zzzz").content.decode()


def test_the_words_searched_for_never_appear_in_a_url(analyst):
    PersonFactory.create_batch(25, last_name="Pageson", date_of_birth=date(2015, 2, 3))
    client = signed_in(analyst)
    for text in ("Pageson", "03/02/2015"):
        posted = client.post(reverse("casework:search"), {"q": text})
        assert text not in posted["Location"]
        page = search(client, text).content.decode()
        links = [part.split('"')[0] for part in page.split('href="')[1:]]
        assert links and not any(text in link or "2015" in link for link in links)
        assert 'href="?results=1&amp;page=2"' in page


def test_search_form_needs_the_csrf_token(analyst):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(analyst)
    assert client.post(reverse("casework:search"), {"q": "x"}).status_code == 403


def test_a_fresh_search_page_does_not_show_an_old_search(analyst):
    PersonFactory(last_name="Oldsearch")
    client = signed_in(analyst)
    search(client, "Oldsearch")
    response = client.get(reverse("casework:search"))
    assert response.context["page"] is None


def test_text_with_a_digit_is_an_id_and_matches_ids_starting_with_it(analyst):
    PersonFactory(la_person_id="5501", last_name="First")
    PersonFactory(la_person_id="550", last_name="Exact")
    PersonFactory(la_person_id="5600", last_name="Other")
    assert found(analyst, "550") == ["550", "5501"]
