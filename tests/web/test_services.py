"""Service functions: they check access, change the record and audit it in one transaction."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied

from safeguard.web.access.models import AccessGrant, AuditEvent, User
from safeguard.web.access.services import access_grant_add, access_grant_revoke
from safeguard.web.casework.models import CaseNote
from safeguard.web.casework.services import case_note_add

pytestmark = pytest.mark.django_db


def test_case_note_add_records_the_note_and_an_audit_entry(social_worker, child, today):
    note = case_note_add(
        acting_user=social_worker,
        child=child,
        note_date=today,
        title="Home visit",
        text="Saw Zephyrine in her room; she showed me her drawings.",
    )
    assert (note.child, note.author, note.created_by, note.updated_by) == (
        child,
        social_worker.staff,
        social_worker,
        social_worker,
    )
    event = AuditEvent.objects.get()
    assert (event.actor, event.action, event.model, event.object_id) == (
        social_worker,
        "case_note_add",
        "casework.CaseNote",
        str(note.pk),
    )
    assert "drawings" not in str(event.changes) and "Home visit" not in str(event.changes)


def test_case_note_add_refuses_someone_who_may_not_see_the_child(other_team_worker, child, today):
    with pytest.raises(PermissionDenied):
        case_note_add(
            acting_user=other_team_worker, child=child, note_date=today, title="x", text="y"
        )
    assert not CaseNote.objects.exists()
    assert not AuditEvent.objects.exists()


def test_case_note_add_refuses_a_future_date(social_worker, child, today):
    with pytest.raises(ValueError, match="future"):
        case_note_add(
            acting_user=social_worker,
            child=child,
            note_date=today + timedelta(days=1),
            title="x",
            text="y",
        )


def test_case_note_add_keeps_nothing_when_the_audit_write_fails(
    social_worker, child, today, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("audit store unavailable")

    monkeypatch.setattr(AuditEvent.objects, "create", broken)
    with pytest.raises(RuntimeError):
        case_note_add(acting_user=social_worker, child=child, note_date=today, title="x", text="y")
    assert not CaseNote.objects.exists()


def test_access_grant_add_and_revoke_are_audited(director, social_worker, restricted_child):
    grant = access_grant_add(
        acting_user=director,
        user=social_worker,
        child=restricted_child,
        reason="Allocated worker",
        expires_on=None,
    )
    access_grant_revoke(acting_user=director, grant=grant)
    grant.refresh_from_db()
    assert grant.revoked_at is not None
    assert list(AuditEvent.objects.order_by("pk").values_list("action", flat=True)) == [
        "access_grant_add",
        "access_grant_revoke",
    ]


@pytest.mark.parametrize("role", [User.Role.SOCIAL_WORKER, User.Role.TEAM_MANAGER])
def test_access_grant_add_refuses_roles_that_may_not_grant(role, social_worker, restricted_child):
    social_worker.role = role
    with pytest.raises(PermissionDenied):
        access_grant_add(
            acting_user=social_worker,
            user=social_worker,
            child=restricted_child,
            reason="Mine",
            expires_on=None,
        )
    assert not AccessGrant.objects.exists()
