"""Each list and record page runs a bounded number of queries, however much data there is.

Each test builds enough data that an N+1 would show (20 children, a child with five whole
journeys), checks the count against a fixed ceiling, and checks it does not grow with the data.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import signed_in
from tests.factories import AllocationFactory, PersonFactory, StaffFactory
from tests.web.journeys import give_whole_journey

pytestmark = pytest.mark.django_db

# Ceilings a little above the counts measured (caseload 10, child 27, chronology 24, team 6,
# search 4), including session and user. A page over its ceiling has grown an N+1.
# The caseload (next visit due) and the child page (alerts) ask the timescales engine, which
# reads a fixed query per fact table.
MAX_QUERIES = {"caseload": 40, "child": 52, "chronology": 26, "team": 8, "search": 6}


def count_queries(client, url: str, params: dict | None = None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured)


def test_caseload_queries_do_not_grow_with_the_caseload(
    social_worker, django_assert_max_num_queries
):
    client = signed_in(social_worker)
    url = reverse("casework:caseload")
    for _ in range(2):
        give_whole_journey(AllocationFactory(worker=social_worker.staff).child, social_worker.staff)
    small = count_queries(client, url)
    for _ in range(18):
        give_whole_journey(AllocationFactory(worker=social_worker.staff).child, social_worker.staff)
    with django_assert_max_num_queries(MAX_QUERIES["caseload"]):
        response = client.get(url)
    assert len(response.context["rows"]) == 20
    assert count_queries(client, url) == small


@pytest.mark.parametrize("page", ["child", "chronology"])
def test_child_pages_queries_do_not_grow_with_the_record(
    page, social_worker, child, django_assert_max_num_queries
):
    client = signed_in(social_worker)
    url = reverse(f"casework:{page}", args=[child.pk])
    give_whole_journey(child, social_worker.staff)
    small = count_queries(client, url)
    give_whole_journey(child, social_worker.staff, repeats=5)
    with django_assert_max_num_queries(MAX_QUERIES[page]):
        client.get(url)
    assert count_queries(client, url) == small


def test_team_queries_do_not_grow_with_the_team(team_manager, django_assert_max_num_queries):
    team = team_manager.staff.team
    client = signed_in(team_manager)
    url = reverse("workforce:team", args=[team.pk])
    AllocationFactory(worker=StaffFactory(team=team))
    AllocationFactory(worker=None, team=team)
    small = count_queries(client, url)
    for _ in range(10):
        worker = StaffFactory(team=team)
        AllocationFactory.create_batch(3, worker=worker)
        AllocationFactory(worker=None, team=team)
    with django_assert_max_num_queries(MAX_QUERIES["team"]):
        response = client.get(url)
    assert len(response.context["summary"].unallocated) == 11
    assert count_queries(client, url) == small


def test_search_queries_do_not_grow_with_the_results(director, django_assert_max_num_queries):
    client = signed_in(director)
    url = reverse("casework:search")
    client.post(url, {"q": "countson"})
    PersonFactory.create_batch(2, last_name="Countson")
    small = count_queries(client, url, {"results": 1})
    PersonFactory.create_batch(40, last_name="Countson")
    with django_assert_max_num_queries(MAX_QUERIES["search"]):
        response = client.get(url, {"results": 1})
    assert response.context["page"].paginator.count == 42
    assert count_queries(client, url, {"results": 1}) == small
