"""Changes to who may see what: grants to restricted records, each audited in one transaction."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from safeguard.web.access.models import AccessGrant, AuditEvent, User
from safeguard.web.casework.models import Person

# Who may open a restricted record to someone: senior managers and system administrators.
ROLES_GRANTING_ACCESS = frozenset(
    {User.Role.SERVICE_MANAGER, User.Role.DIRECTOR, User.Role.SYSTEM_ADMINISTRATOR}
)


@transaction.atomic
def access_grant_add(
    *, acting_user: User, user: User, child: Person, reason: str, expires_on: date | None
) -> AccessGrant:
    """Let `user` see the restricted record of `child` until `expires_on` (inclusive)."""
    if acting_user.role not in ROLES_GRANTING_ACCESS:
        raise PermissionDenied("This user may not grant access to records")
    if not reason.strip():
        raise ValueError("A grant needs a reason")
    now = timezone.now()
    grant = AccessGrant.objects.create(
        user=user,
        child=child,
        reason=reason,
        granted_by=acting_user,
        granted_at=now,
        expires_on=expires_on,
    )
    AuditEvent.objects.create(
        actor=acting_user,
        at=now,
        action="access_grant_add",
        model="access.AccessGrant",
        object_id=str(grant.pk),
        changes={
            "user_id": user.pk,
            "child_id": child.pk,
            "expires_on": expires_on.isoformat() if expires_on else None,
        },
    )
    return grant


@transaction.atomic
def access_grant_revoke(*, acting_user: User, grant: AccessGrant) -> AccessGrant:
    """End a grant now; the row is kept with the time it was revoked."""
    if acting_user.role not in ROLES_GRANTING_ACCESS:
        raise PermissionDenied("This user may not revoke access to records")
    if grant.revoked_at is not None:
        return grant
    now = timezone.now()
    grant.revoked_at = now
    grant.save(update_fields=["revoked_at"])
    AuditEvent.objects.create(
        actor=acting_user,
        at=now,
        action="access_grant_revoke",
        model="access.AccessGrant",
        object_id=str(grant.pk),
        changes={"revoked_at": now.isoformat()},
    )
    return grant
