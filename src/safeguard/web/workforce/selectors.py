"""Reads for the team pages: which teams a user may look at, and a team's work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet

from safeguard.web.access.children import (
    ROLES_SEEING_ALL_CHILDREN,
    ROLES_SEEING_THEIR_SERVICE_AREA,
    children_visible_to,
    open_allocations,
)
from safeguard.web.access.models import User
from safeguard.web.casework.models import Allocation
from safeguard.web.workforce.models import Staff, Team


def teams_visible_to(user: User) -> QuerySet[Team]:
    """Teams whose work `user` may look at: all, their service area's, or their own team."""
    if user.role in ROLES_SEEING_ALL_CHILDREN:
        return Team.objects.all()
    staff = user.staff
    if staff is None or staff.team_id is None:
        return Team.objects.none()
    if user.role in ROLES_SEEING_THEIR_SERVICE_AREA:
        return Team.objects.filter(service_area_id=staff.team.service_area_id)
    if user.role in {
        User.Role.SOCIAL_WORKER,
        User.Role.PRACTICE_SUPERVISOR,
        User.Role.TEAM_MANAGER,
    }:
        return Team.objects.filter(pk=staff.team_id)
    return Team.objects.none()


@dataclass(frozen=True)
class TeamSummary:
    team: Team
    workers: list[Staff]
    allocated_children: int
    unallocated: list[Allocation]


def team_summary(team: Team, user: User, *, as_at: date) -> TeamSummary:
    """The team's current staff with their caseloads, and its children waiting for a worker.

    A caseload counts the children allocated to the worker on `as_at`. The unallocated list holds
    only children `user` may see (restricted records without a grant are left out).
    """
    current = open_allocations(as_at)
    open_for_worker = Q(allocations__start_date__lte=as_at) & (
        Q(allocations__end_date__isnull=True) | Q(allocations__end_date__gt=as_at)
    )
    workers = list(
        Staff.objects.filter(team=team, start_date__lte=as_at)
        .filter(Q(end_date__isnull=True) | Q(end_date__gt=as_at))
        .annotate(caseload=Count("allocations__child", filter=open_for_worker, distinct=True))
        .order_by("last_name", "first_name", "pk")
    )
    unallocated = list(
        current.filter(team=team, worker__isnull=True)
        .filter(child__in=children_visible_to(user, as_at=as_at))
        .select_related("child")
        .order_by("start_date", "pk")
    )
    return TeamSummary(
        team=team,
        workers=workers,
        allocated_children=sum(w.caseload for w in workers),
        unallocated=unallocated,
    )
