"""The demo authority's sign-ins: one user per role, linked to a believable member of staff."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q

from safeguard.web.access.audit import audit_event_add
from safeguard.web.access.models import User
from safeguard.web.workforce.models import Staff, Team


@dataclass(frozen=True)
class DemoUser:
    username: str
    role_label: str
    staff_name: str
    created: bool


# username, role, the staff role to link (None: no staff record)
DEMO_ROLES: tuple[tuple[str, User.Role, str | None], ...] = (
    ("social.worker", User.Role.SOCIAL_WORKER, Staff.Role.SOCIAL_WORKER),
    ("practice.supervisor", User.Role.PRACTICE_SUPERVISOR, Staff.Role.PRACTICE_SUPERVISOR),
    ("team.manager", User.Role.TEAM_MANAGER, Staff.Role.TEAM_MANAGER),
    ("service.manager", User.Role.SERVICE_MANAGER, Staff.Role.SERVICE_MANAGER),
    ("director", User.Role.DIRECTOR, Staff.Role.DIRECTOR),
    ("reviewing.officer", User.Role.REVIEWING_OFFICER, Staff.Role.REVIEWING_OFFICER),
    ("quality.lead", User.Role.QUALITY_LEAD, None),
    ("performance.analyst", User.Role.PERFORMANCE_ANALYST, None),
    ("expert.adviser", User.Role.EXPERT_ADVISER, None),
    ("admin", User.Role.SYSTEM_ADMINISTRATOR, None),
)


def _demo_team() -> Team | None:
    """The child in need team whose busiest current social worker has the most open cases."""
    worker = (
        Staff.objects.filter(
            role=Staff.Role.SOCIAL_WORKER,
            end_date__isnull=True,
            team__kind=Team.Kind.CHILD_IN_NEED,
        )
        .annotate(open_cases=Count("allocations", filter=Q(allocations__end_date__isnull=True)))
        .order_by("-open_cases", "staff_id")
        .select_related("team")
        .first()
    )
    return worker.team if worker else None


def _staff_for(role: str, team: Team | None) -> Staff | None:
    current = Staff.objects.filter(role=role, end_date__isnull=True, user__isnull=True)
    if role == Staff.Role.SOCIAL_WORKER and team is not None:
        return (
            current.filter(team=team)
            .annotate(open_cases=Count("allocations", filter=Q(allocations__end_date__isnull=True)))
            .order_by("-open_cases", "staff_id")
            .first()
        )
    if role in (Staff.Role.PRACTICE_SUPERVISOR, Staff.Role.TEAM_MANAGER) and team is not None:
        return current.filter(team=team).order_by("staff_id").first()
    if role == Staff.Role.SERVICE_MANAGER and team is not None:
        in_area = current.filter(team__service_area=team.service_area).order_by("staff_id").first()
        if in_area is not None:
            return in_area
    return current.order_by("staff_id").first()


def demo_users_ensure(*, password: str) -> list[DemoUser]:
    """Create any missing demo user, one per role; existing users keep their passwords."""
    results: list[DemoUser] = []
    with transaction.atomic():
        system = User.objects.get(username="safeguard-system")
        team = _demo_team()
        for username, role, staff_role in DEMO_ROLES:
            user = User.objects.filter(username=username).select_related("staff").first()
            created = user is None
            if user is None:
                staff = _staff_for(staff_role, team) if staff_role else None
                user = User(username=username, role=role, staff=staff)
                if staff is not None:
                    user.first_name, user.last_name = staff.first_name, staff.last_name
                user.set_password(password)
                user.save()
                audit_event_add(
                    system, "demo_user_create", "access.User", user.pk, {"role": role.value}
                )
            staff_name = user.staff.full_name if user.staff else ""
            results.append(DemoUser(username, role.label, staff_name, created))
    return results
