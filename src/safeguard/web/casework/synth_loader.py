"""Write a generated synthetic authority into the database in one transaction.

Rows are inserted with the primary keys the generator assigned, through `executemany` on the
connection's cursor (several times faster than `bulk_create`, and the same SQL on SQLite and
PostgreSQL). On PostgreSQL the id sequences are reset afterwards so later inserts do not collide.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.color import no_style
from django.db import connection, models, transaction

from safeguard.synth.records import SynthAuthority, tables
from safeguard.web.casework import models as casework
from safeguard.web.timescales import models as timescales
from safeguard.web.workforce import models as workforce

SYSTEM_USERNAME = "safeguard-system"
BATCH = 5_000

# Generator table name -> model. Order is the generator's (parents first).
MODELS: dict[str, type[models.Model]] = {
    "service_areas": workforce.ServiceArea,
    "teams": workforce.Team,
    "staff": workforce.Staff,
    "persons": casework.Person,
    "disabilities": casework.PersonDisability,
    "addresses": casework.Address,
    "households": casework.Household,
    "household_members": casework.HouseholdMember,
    "relationships": casework.Relationship,
    "contacts": casework.Contact,
    "cin_episodes": casework.CINEpisode,
    "assessments": casework.Assessment,
    "strategy_discussions": casework.StrategyDiscussion,
    "section47s": casework.Section47Enquiry,
    "cp_plans": casework.ChildProtectionPlan,
    "conferences": casework.ChildProtectionConference,
    "cin_plans": casework.CINPlan,
    "visits": casework.Visit,
    "care_periods": casework.LookedAfterPeriod,
    "care_episodes": casework.LookedAfterEpisode,
    "care_reviews": casework.LookedAfterReview,
    "missing_episodes": casework.MissingEpisode,
    "health_assessments": casework.HealthAssessment,
    "care_outcomes": casework.CareOutcomes,
    "care_leaver_records": casework.CareLeaverRecord,
    "adoptions": casework.AdoptionMilestones,
    "case_notes": casework.CaseNote,
    "allocations": casework.Allocation,
    "core_groups": timescales.CoreGroupMeeting,
    "peps": timescales.PersonalEducationPlanReview,
    "pathway_reviews": timescales.PathwayPlanReview,
    "school_reports": timescales.SchoolStatusReport,
    "supervisions": timescales.SupervisionSession,
    "needs_assessments": timescales.NeedsAssessment,
}

LoadProgress = Callable[[str, int, int], None]


def system_user() -> Any:
    """The `safeguard-system` user (role system, unusable password), created if missing."""
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=SYSTEM_USERNAME,
        defaults={"role": "system", "first_name": "Safeguard", "last_name": "system"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def authority_present() -> bool:
    """True if a synthetic authority has been loaded (a person recorded by the system user)."""
    return casework.Person.objects.filter(created_by__username=SYSTEM_USERNAME).exists()


def _columns(model: type[models.Model], fields: Sequence[str]) -> list[str]:
    concrete = {f.column for f in model._meta.concrete_fields}
    missing = [f for f in fields if f not in concrete]
    if missing:
        raise ValueError(f"{model.__name__} has no columns {missing}; the generator is out of step")
    return list(fields)


def load_authority(
    authority: SynthAuthority, *, progress: LoadProgress | None = None
) -> dict[str, int]:
    """Insert every row of `authority`; return the row count per table (generator names).

    All or nothing: one transaction. `progress(table, done, total)` is called after each table,
    `done` and `total` counting tables.
    """
    counts: dict[str, int] = {}
    by_table = tables(authority)
    total = len(by_table)
    with transaction.atomic():
        user = system_user()
        stamp = datetime.now(UTC)
        audit = (stamp, user.pk, stamp, user.pk)
        qn = connection.ops.quote_name
        with connection.cursor() as cursor:
            for done, (name, rows) in enumerate(by_table.items(), start=1):
                model = MODELS[name]
                if rows:
                    fields = _columns(model, rows[0]._fields)
                    columns = [
                        *fields,
                        "created_at",
                        "created_by_id",
                        "updated_at",
                        "updated_by_id",
                    ]
                    # Table and column names come from the models, quoted; values are parameters.
                    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608
                        qn(model._meta.db_table),
                        ", ".join(qn(c) for c in columns),
                        ", ".join(["%s"] * len(columns)),
                    )
                    json_at = [i for i, f in enumerate(fields) if f == "factors"]
                    for start in range(0, len(rows), BATCH):
                        batch = rows[start : start + BATCH]
                        if json_at:
                            i = json_at[0]
                            params = [
                                (*row[:i], json.dumps(list(row[i])), *row[i + 1 :], *audit)
                                for row in batch
                            ]
                        else:
                            params = [(*row, *audit) for row in batch]
                        cursor.executemany(sql, params)
                counts[name] = len(rows)
                if progress:
                    progress(name, done, total)
        if connection.vendor == "postgresql":
            statements = connection.ops.sequence_reset_sql(no_style(), list(MODELS.values()))
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
    return counts
