"""The loader writes a whole generated authority into the database, keys intact."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection

from safeguard.synth.generator import generate
from safeguard.synth.records import tables
from safeguard.web.casework.models import ChildProtectionPlan, Person
from safeguard.web.casework.synth_loader import (
    MODELS,
    SYSTEM_USERNAME,
    authority_present,
    load_authority,
)


@pytest.mark.django_db(transaction=True)
def test_demo_loads_with_counts_and_keys() -> None:
    authority = generate("demo", 3, 5, date(2025, 3, 31))
    assert not authority_present()
    seen: list[str] = []
    counts = load_authority(authority, progress=lambda name, done, total: seen.append(name))
    assert authority_present()
    assert seen == list(MODELS)
    for name, rows in tables(authority).items():
        assert counts[name] == len(rows)
        assert MODELS[name].objects.count() == len(rows), name
    person = Person.objects.get(pk=authority.persons[0].id)
    assert person.la_person_id == authority.persons[0].la_person_id
    assert person.created_by.username == SYSTEM_USERNAME
    assert not person.created_by.has_usable_password()
    plan = ChildProtectionPlan.objects.select_related("episode__child").first()
    assert plan is not None and plan.episode.child.date_of_birth is not None
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA foreign_key_check")
            assert cursor.fetchall() == []
    # A new row after the load gets a fresh id (sequences reset on PostgreSQL).
    new = Person.objects.create(
        la_person_id="X1",
        first_name="A",
        last_name="B",
        sex="F",
        created_at=person.created_at,
        created_by=person.created_by,
        updated_at=person.updated_at,
        updated_by=person.updated_by,
    )
    assert new.pk > len(authority.persons)
