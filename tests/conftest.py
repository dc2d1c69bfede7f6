"""Personas shared by the web and service tests.

Two teams in two service areas. Our social worker and their team manager are in team A; a worker
from team B must be refused the children of team A. The child of the story is allocated to our
social worker; a restricted child is allocated to them too but needs an explicit grant.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from django.test import Client
from django.utils import timezone

from safeguard.web.access.models import User
from safeguard.web.casework.models import Person
from safeguard.web.workforce.models import Staff, Team
from tests.factories import (
    AccessGrantFactory,
    AllocationFactory,
    PersonFactory,
    ServiceAreaFactory,
    StaffFactory,
    TeamFactory,
    UserFactory,
)

# Names unlikely to appear anywhere else on a page, so "not in the response" means something.
CHILD_FIRST_NAME = "Zephyrine"
CHILD_LAST_NAME = "Quillfeather"
CHILD_LA_ID = "LAID-7731"


@dataclass
class Organisation:
    team_a: Team
    team_b: Team


@pytest.fixture
def today() -> date:
    return timezone.localdate()


@pytest.fixture
def organisation(db: None) -> Organisation:
    north, south = ServiceAreaFactory(name="North"), ServiceAreaFactory(name="South")
    return Organisation(
        team_a=TeamFactory(name="North Child in Need", service_area=north),
        team_b=TeamFactory(name="South Children in Care", service_area=south),
    )


def _persona(username: str, role: str, staff: Staff | None = None) -> User:
    return UserFactory(username=username, role=role, staff=staff)


@pytest.fixture
def social_worker(organisation: Organisation) -> User:
    staff = StaffFactory(first_name="Sam", last_name="Worker", team=organisation.team_a)
    return _persona("sam.worker", User.Role.SOCIAL_WORKER, staff)


@pytest.fixture
def team_manager(organisation: Organisation) -> User:
    staff = StaffFactory(
        first_name="Tess",
        last_name="Manager",
        role=Staff.Role.TEAM_MANAGER,
        team=organisation.team_a,
    )
    return _persona("tess.manager", User.Role.TEAM_MANAGER, staff)


@pytest.fixture
def other_team_worker(organisation: Organisation) -> User:
    staff = StaffFactory(first_name="Olly", last_name="Elsewhere", team=organisation.team_b)
    return _persona("olly.elsewhere", User.Role.SOCIAL_WORKER, staff)


@pytest.fixture
def system_administrator(db: None) -> User:
    return _persona("ada.admin", User.Role.SYSTEM_ADMINISTRATOR)


@pytest.fixture
def expert_adviser(db: None) -> User:
    return _persona("ed.adviser", User.Role.EXPERT_ADVISER)


@pytest.fixture
def director(db: None) -> User:
    return _persona("dee.director", User.Role.DIRECTOR)


@pytest.fixture
def child(social_worker: User) -> Person:
    """The child of the story, allocated to our social worker in team A."""
    person = PersonFactory(
        first_name=CHILD_FIRST_NAME, last_name=CHILD_LAST_NAME, la_person_id=CHILD_LA_ID
    )
    AllocationFactory(child=person, worker=social_worker.staff, team=social_worker.staff.team)
    return person


@pytest.fixture
def restricted_child(social_worker: User) -> Person:
    """A restricted record allocated to our social worker, who has no grant for it."""
    person = PersonFactory(
        first_name="Rosalind", last_name="Hiddenvale", la_person_id="LAID-9902", is_restricted=True
    )
    AllocationFactory(child=person, worker=social_worker.staff, team=social_worker.staff.team)
    return person


@pytest.fixture
def restricted_child_with_grant(restricted_child: Person, social_worker: User) -> Person:
    """The same restricted record, now with an open-ended grant to our social worker."""
    AccessGrantFactory(user=social_worker, child=restricted_child)
    return restricted_child


def signed_in(user: User, **client_kwargs: object) -> Client:
    client = Client(**client_kwargs)
    client.force_login(user)
    return client
