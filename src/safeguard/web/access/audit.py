"""What every write records: who and when on the row, an audit event, and the right to record.

Services call these inside their own transaction so the row, its stamp and its audit event are
written together or not at all.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from safeguard.web.access.children import children_visible_to
from safeguard.web.access.models import AuditEvent, User
from safeguard.web.casework.models import Person


def stamp(acting_user: User) -> dict[str, object]:
    """The created/updated who-and-when fields of a new `Recorded` row."""
    now = timezone.now()
    return {
        "created_at": now,
        "created_by": acting_user,
        "updated_at": now,
        "updated_by": acting_user,
    }


def audit_event_add(
    acting_user: User, action: str, model: str, object_id: object, changes: dict[str, object]
) -> AuditEvent:
    """Record one change: the service (`action`), the row (`model`, `object_id`) and what changed.

    `changes` names fields and ids, never the words of a note, a name or a date of birth.
    """
    return AuditEvent.objects.create(
        actor=acting_user,
        at=timezone.now(),
        action=action,
        model=model,
        object_id=str(object_id),
        changes=changes,
    )


def ensure_may_record(acting_user: User, child: Person, on: date) -> None:
    """Refuse a record about a child the user may not see, or dated in the future."""
    if not children_visible_to(acting_user).filter(pk=child.pk).exists():
        raise PermissionDenied("This user may not add to this record")
    if on > timezone.localdate():
        raise ValueError("A record cannot be dated in the future")
