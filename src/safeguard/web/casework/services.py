"""Changes to a child's record. Each checks access and writes its audit entry in one transaction."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from safeguard.web.access.children import children_visible_to
from safeguard.web.access.models import AuditEvent, User
from safeguard.web.casework.models import CaseNote, Person


@transaction.atomic
def case_note_add(
    *, acting_user: User, child: Person, note_date: date, title: str, text: str
) -> CaseNote:
    """Add a note to the child's chronology, written by `acting_user`.

    Refuses (PermissionDenied) a user who may not see the child, and a note dated in the future.
    The audit entry records which note and which fields, never the note's words.
    """
    if not children_visible_to(acting_user).filter(pk=child.pk).exists():
        raise PermissionDenied("This user may not add to this record")
    if note_date > timezone.localdate():
        raise ValueError("A note cannot be dated in the future")
    now = timezone.now()
    note = CaseNote.objects.create(
        child=child,
        note_date=note_date,
        title=title,
        text=text,
        author_id=acting_user.staff_id,
        created_at=now,
        created_by=acting_user,
        updated_at=now,
        updated_by=acting_user,
    )
    AuditEvent.objects.create(
        actor=acting_user,
        at=now,
        action="case_note_add",
        model="casework.CaseNote",
        object_id=str(note.pk),
        changes={
            "child_id": child.pk,
            "note_date": note_date.isoformat(),
            "fields": ["note_date", "title", "text"],
        },
    )
    return note
