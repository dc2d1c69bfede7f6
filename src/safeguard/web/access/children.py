"""The one way a child's record is reached, and the matching scope for lists and search.

`child_for_user` decides, logs and either returns the child or raises the same 404 as for a child
that does not exist. `children_visible_to` is the queryset form of the same rules, for lists and
search; the single-child check is written in terms of it so the two cannot drift apart.
"""

from __future__ import annotations

import logging
from datetime import date

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from safeguard.web.access.models import AccessGrant, AccessLogEntry, User
from safeguard.web.casework.models import Allocation, Person

logger = logging.getLogger(__name__)

Role = User.Role

ROLES_SEEING_ALL_CHILDREN = frozenset(
    {Role.DIRECTOR, Role.QUALITY_LEAD, Role.PERFORMANCE_ANALYST, Role.REVIEWING_OFFICER}
)
ROLES_SEEING_THEIR_SERVICE_AREA = frozenset({Role.SERVICE_MANAGER})
ROLES_SEEING_THEIR_TEAM = frozenset({Role.PRACTICE_SUPERVISOR, Role.TEAM_MANAGER})
ROLES_SEEING_OWN_AND_TEAM = frozenset({Role.SOCIAL_WORKER})
# Expert advisers, system administrators and the system user see no case records by default.

# What a refusal says: the same words as for a child who does not exist, and nothing about them.
NOT_FOUND_MESSAGE = "No child found"


def open_allocations(as_at: date) -> QuerySet[Allocation]:
    """Allocations in force on `as_at` (started, not yet ended)."""
    return Allocation.objects.filter(start_date__lte=as_at).filter(
        Q(end_date__isnull=True) | Q(end_date__gt=as_at)
    )


def _granted_children(user: User, as_at: date) -> Q:
    grants = AccessGrant.objects.filter(user=user, revoked_at__isnull=True).filter(
        Q(expires_on__isnull=True) | Q(expires_on__gte=as_at)
    )
    return Q(pk__in=grants.values("child_id"))


def _children_in_role_scope(user: User, as_at: date) -> Q:
    """The unrestricted children the user's role lets them see; each rule on its own line."""
    nobody = Q(pk__in=[])
    if not user.is_active:
        return nobody
    if user.role in ROLES_SEEING_ALL_CHILDREN:
        return Q()
    staff = user.staff
    if staff is None or staff.team_id is None:
        return nobody
    allocations = open_allocations(as_at)
    if user.role in ROLES_SEEING_OWN_AND_TEAM:
        mine_or_team = allocations.filter(Q(worker_id=staff.pk) | Q(team_id=staff.team_id))
        return Q(pk__in=mine_or_team.values("child_id"))
    if user.role in ROLES_SEEING_THEIR_TEAM:
        return Q(pk__in=allocations.filter(team_id=staff.team_id).values("child_id"))
    if user.role in ROLES_SEEING_THEIR_SERVICE_AREA:
        area = allocations.filter(team__service_area_id=staff.team.service_area_id)
        return Q(pk__in=area.values("child_id"))
    return nobody


def children_visible_to(user: User, *, as_at: date | None = None) -> QuerySet[Person]:
    """Every person whose record `user` may open on `as_at` (default today).

    A restricted record needs an unexpired, unrevoked grant, whatever the role; a grant is also
    enough on its own. Otherwise the role's scope decides.
    """
    if not user.is_authenticated:
        return Person.objects.none()
    today = as_at or timezone.localdate()
    in_scope = Q(is_restricted=False) & _children_in_role_scope(user, today)
    return Person.objects.filter(in_scope | _granted_children(user, today))


def child_for_user(user: User, child_id: int, *, page: str) -> Person:
    """The child `child_id` if `user` may see their record; logs the attempt either way.

    Raises Http404 with the same message whether the child is missing or refused, so a refusal
    tells the user nothing. The access log keeps who, when, which child, which page and the answer.
    """
    child = Person.objects.filter(pk=child_id).first()
    if child is None:
        logger.info("child record not found: user=%s page=%s", user.pk, page)
        raise Http404(NOT_FOUND_MESSAGE)
    allowed = children_visible_to(user).filter(pk=child.pk).exists()
    AccessLogEntry.objects.create(
        user=user, child=child, at=timezone.now(), page=page, allowed=allowed
    )
    if not allowed:
        logger.warning("child record refused: user=%s person=%s page=%s", user.pk, child.pk, page)
        raise Http404(NOT_FOUND_MESSAGE)
    return child
