"""The access module: each rule of `child_for_user` and `children_visible_to`, one test each."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from safeguard.web.access.children import child_for_user, children_visible_to
from safeguard.web.access.models import AccessLogEntry, User
from tests.conftest import _persona
from tests.factories import (
    AccessGrantFactory,
    AllocationFactory,
    PersonFactory,
    StaffFactory,
    TeamFactory,
)

pytestmark = pytest.mark.django_db


def sees(user, person) -> bool:
    """Ask the single-child function, and check the list function agrees with it."""
    in_list = children_visible_to(user).filter(pk=person.pk).exists()
    try:
        child_for_user(user, person.pk, page="test")
    except Http404:
        assert not in_list, "children_visible_to lists a child that child_for_user refuses"
        return False
    assert in_list, "child_for_user returns a child that children_visible_to leaves out"
    return True


def test_social_worker_sees_a_child_allocated_to_them(social_worker, child):
    assert sees(social_worker, child)


def test_social_worker_sees_a_child_allocated_to_a_colleague_in_their_team(social_worker):
    colleague = StaffFactory(team=social_worker.staff.team)
    person = AllocationFactory(worker=colleague).child
    assert sees(social_worker, person)


def test_social_worker_sees_their_teams_unallocated_child(social_worker):
    person = AllocationFactory(worker=None, team=social_worker.staff.team).child
    assert sees(social_worker, person)


def test_social_worker_is_refused_another_teams_child(other_team_worker, child):
    assert not sees(other_team_worker, child)


def test_an_ended_allocation_no_longer_gives_access(social_worker, today):
    person = AllocationFactory(worker=social_worker.staff, end_date=today).child
    assert not sees(social_worker, person)


def test_an_allocation_starting_tomorrow_does_not_give_access_yet(social_worker, today):
    person = AllocationFactory(worker=social_worker.staff, start_date=today + timedelta(1)).child
    assert not sees(social_worker, person)


def test_a_child_known_to_nobody_is_refused_to_a_social_worker(social_worker):
    assert not sees(social_worker, PersonFactory())


def test_a_social_worker_without_a_staff_record_sees_nothing(child):
    assert not sees(_persona("no.staff", User.Role.SOCIAL_WORKER), child)


def test_a_staff_member_without_a_team_sees_no_team_children(child):
    staff = StaffFactory(team=None)
    user = _persona("no.team", User.Role.TEAM_MANAGER, staff)
    assert not sees(user, child)


def test_an_inactive_user_sees_nothing(social_worker, child):
    social_worker.is_active = False
    social_worker.save()
    assert not sees(social_worker, child)


def test_team_manager_sees_their_teams_children(team_manager, child):
    assert sees(team_manager, child)


def test_practice_supervisor_sees_their_teams_children(social_worker, child):
    staff = StaffFactory(team=social_worker.staff.team)
    assert sees(_persona("pat.supervisor", User.Role.PRACTICE_SUPERVISOR, staff), child)


def test_team_manager_is_refused_another_teams_child(team_manager, organisation):
    person = AllocationFactory(worker=None, team=organisation.team_b).child
    assert not sees(team_manager, person)


def test_service_manager_sees_every_team_in_their_service_area(organisation, child):
    sister_team = TeamFactory(service_area=organisation.team_a.service_area)
    staff = StaffFactory(team=sister_team)
    assert sees(_persona("sue.service", User.Role.SERVICE_MANAGER, staff), child)


def test_service_manager_is_refused_another_service_areas_child(organisation, child):
    staff = StaffFactory(team=organisation.team_b)
    assert not sees(_persona("sid.service", User.Role.SERVICE_MANAGER, staff), child)


@pytest.mark.parametrize(
    "role",
    [
        User.Role.DIRECTOR,
        User.Role.QUALITY_LEAD,
        User.Role.PERFORMANCE_ANALYST,
        User.Role.REVIEWING_OFFICER,
    ],
)
def test_roles_that_see_every_child(role, child):
    assert sees(_persona(f"all.{role}", role), child)
    assert sees(_persona(f"all2.{role}", role), PersonFactory())


@pytest.mark.parametrize(
    "role", [User.Role.EXPERT_ADVISER, User.Role.SYSTEM_ADMINISTRATOR, User.Role.SYSTEM]
)
def test_roles_that_see_no_case_records_by_default(role, child):
    assert not sees(_persona(f"none.{role}", role), child)


def test_restricted_child_is_refused_without_a_grant_even_when_allocated(
    social_worker, restricted_child
):
    assert not sees(social_worker, restricted_child)


def test_restricted_child_is_refused_to_a_director_without_a_grant(director, restricted_child):
    assert not sees(director, restricted_child)


def test_restricted_child_is_seen_with_a_grant(social_worker, restricted_child_with_grant):
    assert sees(social_worker, restricted_child_with_grant)


def test_a_grant_is_enough_whatever_the_role(expert_adviser, restricted_child):
    AccessGrantFactory(user=expert_adviser, child=restricted_child)
    assert sees(expert_adviser, restricted_child)


def test_a_grant_still_runs_on_its_expiry_day(social_worker, restricted_child, today):
    AccessGrantFactory(user=social_worker, child=restricted_child, expires_on=today)
    assert sees(social_worker, restricted_child)


def test_an_expired_grant_is_refused(social_worker, restricted_child, today):
    AccessGrantFactory(user=social_worker, child=restricted_child, expires_on=today - timedelta(1))
    assert not sees(social_worker, restricted_child)


def test_a_revoked_grant_is_refused(social_worker, restricted_child):
    AccessGrantFactory(user=social_worker, child=restricted_child, revoked_at=timezone.now())
    assert not sees(social_worker, restricted_child)


def test_someone_elses_grant_does_not_help(team_manager, social_worker, restricted_child):
    AccessGrantFactory(user=social_worker, child=restricted_child)
    assert not sees(team_manager, restricted_child)


def test_a_missing_child_and_a_refused_child_give_the_same_404(other_team_worker, child):
    with pytest.raises(Http404) as refused:
        child_for_user(other_team_worker, child.pk, page="child_record")
    with pytest.raises(Http404) as missing:
        child_for_user(other_team_worker, child.pk + 1000, page="child_record")
    assert str(refused.value) == str(missing.value)
    assert child.first_name not in str(refused.value)
    assert child.la_person_id not in str(refused.value)


def test_every_read_is_logged_with_who_which_child_which_page(social_worker, child):
    child_for_user(social_worker, child.pk, page="chronology")
    entry = AccessLogEntry.objects.get()
    assert (entry.user, entry.child, entry.page, entry.allowed) == (
        social_worker,
        child,
        "chronology",
        True,
    )
    assert abs(entry.at - timezone.now()) < timedelta(minutes=1)


def test_a_refused_read_is_logged_as_not_allowed(other_team_worker, child):
    with pytest.raises(Http404):
        child_for_user(other_team_worker, child.pk, page="child_record")
    entry = AccessLogEntry.objects.get()
    assert (entry.user, entry.child, entry.allowed) == (other_team_worker, child, False)


def test_refusal_logs_carry_no_name_or_date_of_birth(other_team_worker, child, caplog):
    with caplog.at_level("INFO"), pytest.raises(Http404):
        child_for_user(other_team_worker, child.pk, page="child_record")
    assert caplog.records, "a refusal should be logged"
    for text in (child.first_name, child.last_name, child.la_person_id, str(child.date_of_birth)):
        assert text not in caplog.text


def test_children_visible_to_an_anonymous_user_is_empty(child):
    from django.contrib.auth.models import AnonymousUser

    assert not children_visible_to(AnonymousUser()).exists()
