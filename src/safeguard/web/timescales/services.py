"""Changes to timescale records. Each checks who may make it and writes its audit entry in the
same transaction.

* `late_reason_record(*, acting_user, child, rule_id, due_date, reason) -> LateReason`
* `timescale_setting_update(*, acting_user, key, number, unit="") -> TimescaleSetting`
* `school_feed_import(*, acting_user, file_name, text) -> SchoolFeedReport` (all or nothing)
* `core_group_record(*, acting_user, child, meeting_date) -> CoreGroupMeeting`
* `pep_review_record(*, acting_user, child, review_date) -> PersonalEducationPlanReview`
* `long_term_placement_record(*, acting_user, child, decided_on) -> LongTermPlacement`
* `needs_assessment_record(*, acting_user, child, assessment_date) -> NeedsAssessment`
* `supervision_record(*, acting_user, supervisee, session_date) -> SupervisionSession`
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from safeguard.core.timescales import RULES_BY_ID, Interval, Unit, apply_overrides, setting_keys
from safeguard.core.timescales.school_feed import Candidate, Problem, match, parse
from safeguard.web.access.audit import audit_event_add, ensure_may_record, stamp
from safeguard.web.access.children import children_visible_to
from safeguard.web.access.models import User
from safeguard.web.casework.models import ChildProtectionPlan, LookedAfterPeriod, Person
from safeguard.web.timescales.models import (
    CoreGroupMeeting,
    LateReason,
    LongTermPlacement,
    NeedsAssessment,
    PersonalEducationPlanReview,
    SchoolStatusReport,
    SupervisionSession,
    TimescaleSetting,
)
from safeguard.web.workforce.models import Staff

# Who may change a council's local timescales and import feeds.
SETTINGS_ROLES = frozenset({User.Role.DIRECTOR, User.Role.SYSTEM_ADMINISTRATOR})
FEED_ROLES = frozenset(
    {
        User.Role.DIRECTOR,
        User.Role.PERFORMANCE_ANALYST,
        User.Role.SYSTEM_ADMINISTRATOR,
        User.Role.SYSTEM,
    }
)


@transaction.atomic
def late_reason_record(
    *, acting_user: User, child: Person, rule_id: str, due_date: date, reason: str
) -> LateReason:
    """Record why the item `rule_id` due on `due_date` for `child` was (or will be) late.

    Refuses a user who may not see the child, an unknown rule and an empty reason. The audit
    entry names the rule and date, never the reason's words.
    """
    if not children_visible_to(acting_user).filter(pk=child.pk).exists():
        raise PermissionDenied("This user may not add to this record")
    if rule_id not in RULES_BY_ID:
        raise ValueError(f"No timescale rule {rule_id!r}")
    reason = reason.strip()
    if not reason:
        raise ValueError("Say why the timescale was missed")
    now = timezone.now()
    row = LateReason.objects.create(
        child=child,
        rule_id=rule_id,
        due_date=due_date,
        reason=reason,
        created_at=now,
        created_by=acting_user,
        updated_at=now,
        updated_by=acting_user,
    )
    audit_event_add(
        acting_user,
        "late_reason_record",
        "timescales.LateReason",
        row.pk,
        {"child_id": child.pk, "rule_id": rule_id, "due_date": due_date.isoformat()},
    )
    return row


@transaction.atomic
def timescale_setting_update(
    *, acting_user: User, key: str, number: int, unit: str = ""
) -> TimescaleSetting:
    """Set the council's value for one local timescale ("<rule>", "<rule>:then") or threshold.

    Only a director or system administrator may; statutory timescales cannot be changed. A rule
    key needs a unit (working_days, days, weeks, months, terms); a threshold has none.
    """
    if acting_user.role not in SETTINGS_ROLES:
        raise PermissionDenied("Only a director or system administrator may change timescales")
    if key not in setting_keys():
        raise ValueError(f"{key!r} is not a timescale a council may change")
    is_rule = not key.startswith("alert:") and key != "due_soon"
    if number < 0 or (is_rule and number == 0 and unit != "terms"):
        raise ValueError("The value must be a positive whole number")
    if is_rule:
        try:
            value: Interval | int = Interval(number, Unit(unit))
        except ValueError as exc:
            raise ValueError(f"{unit!r} is not a unit of time") from exc
    else:
        if unit and unit != "working_days":
            raise ValueError("A threshold has no unit; the due-soon window is in working days")
        value = number
    apply_overrides({key: value})  # refuses anything the rules cannot take
    now = timezone.now()
    row = TimescaleSetting.objects.filter(key=key).first()
    before = None if row is None else {"number": row.number, "unit": row.unit}
    if row is None:
        row = TimescaleSetting(key=key, created_at=now, created_by=acting_user)
    row.number, row.unit = number, unit if is_rule else ""
    row.updated_at, row.updated_by, row.archived_at = now, acting_user, None
    row.save()
    audit_event_add(
        acting_user,
        "timescale_setting_update",
        "timescales.TimescaleSetting",
        row.pk,
        {"key": key, "before": before, "after": {"number": number, "unit": row.unit}},
    )
    return row


@dataclass(frozen=True)
class SchoolFeedReport:
    """What an import did: rows read, rows imported (0 unless all were good), and problems."""

    file_name: str
    rows: int
    imported: int
    problems: list[Problem] = field(default_factory=list)
    unusable: bool = False  # the file as a whole could not be used (no rows could be read)

    @property
    def ok(self) -> bool:
        return not self.problems


def school_feed_import(*, acting_user: User, file_name: str, text: str) -> SchoolFeedReport:
    """Import a school feed CSV: every row matched to exactly one child, or nothing at all.

    Rows that match no child (or several) are reported by file, row and field, never guessed.
    The audit entry counts rows; it never holds names or dates of birth.
    """
    if acting_user.role not in FEED_ROLES:
        raise PermissionDenied("This user may not import school feeds")
    rows, problems = parse(file_name, text)
    if any(p.row <= 1 for p in problems):
        return SchoolFeedReport(file_name, len(rows), 0, problems, unusable=True)
    upns = {r.upn for r in rows if r.upn}
    dobs = {r.date_of_birth for r in rows if not r.upn and r.date_of_birth}
    people = Person.objects.filter(Q(upn__in=upns) | Q(date_of_birth__in=dobs)).values_list(
        "id", "upn", "first_name", "last_name", "date_of_birth"
    )
    matched, unmatched = match(file_name, rows, (Candidate(*p) for p in people))
    problems = sorted(problems + unmatched, key=lambda p: (p.row, p.field))
    if problems:
        return SchoolFeedReport(file_name, len(rows) + len(problems), 0, problems)
    now = timezone.now()
    with transaction.atomic():
        SchoolStatusReport.objects.bulk_create(
            SchoolStatusReport(
                child_id=m.child_id,
                school=m.row.school[:120],
                status=m.row.status,
                status_date=m.row.status_date,
                file_name=file_name[:200],
                row_number=m.row.row,
                created_at=now,
                created_by=acting_user,
                updated_at=now,
                updated_by=acting_user,
            )
            for m in matched
        )
        audit_event_add(
            acting_user,
            "school_feed_import",
            "timescales.SchoolStatusReport",
            file_name[:40],
            {"rows": len(matched)},
        )
    return SchoolFeedReport(file_name, len(rows), len(matched), [])


@transaction.atomic
def core_group_record(*, acting_user: User, child: Person, meeting_date: date) -> CoreGroupMeeting:
    """Record a core group meeting for a child on a child protection plan on that date."""
    ensure_may_record(acting_user, child, meeting_date)
    plan = (
        ChildProtectionPlan.objects.filter(episode__child=child, start_date__lte=meeting_date)
        .exclude(end_date__lt=meeting_date)
        .order_by("-start_date")
        .first()
    )
    if plan is None:
        raise ValueError("The child was not on a child protection plan on that date")
    row = CoreGroupMeeting.objects.create(
        child=child, plan=plan, meeting_date=meeting_date, **stamp(acting_user)
    )
    audit_event_add(
        acting_user,
        "core_group_record",
        "timescales.CoreGroupMeeting",
        row.pk,
        {"child_id": child.pk, "meeting_date": meeting_date.isoformat()},
    )
    return row


def _period_on(child: Person, on: date) -> LookedAfterPeriod:
    period = (
        LookedAfterPeriod.objects.filter(child=child, start_date__lte=on)
        .exclude(end_date__lt=on)
        .order_by("-start_date")
        .first()
    )
    if period is None:
        raise ValueError("The child was not looked after on that date")
    return period


@transaction.atomic
def pep_review_record(
    *, acting_user: User, child: Person, review_date: date
) -> PersonalEducationPlanReview:
    """Record a review of a looked-after child's personal education plan."""
    ensure_may_record(acting_user, child, review_date)
    _period_on(child, review_date)
    row = PersonalEducationPlanReview.objects.create(
        child=child, review_date=review_date, **stamp(acting_user)
    )
    audit_event_add(
        acting_user,
        "pep_review_record",
        "timescales.PersonalEducationPlanReview",
        row.pk,
        {"child_id": child.pk, "review_date": review_date.isoformat()},
    )
    return row


@transaction.atomic
def long_term_placement_record(
    *, acting_user: User, child: Person, decided_on: date
) -> LongTermPlacement:
    """Record that the child's placement is now intended to last until 18 (reg 28 visits)."""
    ensure_may_record(acting_user, child, decided_on)
    period = _period_on(child, decided_on)
    row = LongTermPlacement.objects.create(
        child=child, period=period, decided_on=decided_on, **stamp(acting_user)
    )
    audit_event_add(
        acting_user,
        "long_term_placement_record",
        "timescales.LongTermPlacement",
        row.pk,
        {"child_id": child.pk, "decided_on": decided_on.isoformat()},
    )
    return row


@transaction.atomic
def needs_assessment_record(
    *, acting_user: User, child: Person, assessment_date: date
) -> NeedsAssessment:
    """Record a looked-after child's needs assessment (reg 42) completed on `assessment_date`.

    Refuses a user who may not see the child, a date in the future and a date when the child
    was not looked after.
    """
    ensure_may_record(acting_user, child, assessment_date)
    _period_on(child, assessment_date)
    row = NeedsAssessment.objects.create(
        child=child, assessment_date=assessment_date, **stamp(acting_user)
    )
    audit_event_add(
        acting_user,
        "needs_assessment_record",
        "timescales.NeedsAssessment",
        row.pk,
        {"child_id": child.pk, "assessment_date": assessment_date.isoformat()},
    )
    return row


# Who may record a supervision they gave: a team manager or practice supervisor for their own
# team, a service manager for the teams of their service area.
SUPERVISOR_ROLES = frozenset(
    {User.Role.TEAM_MANAGER, User.Role.PRACTICE_SUPERVISOR, User.Role.SERVICE_MANAGER}
)


@transaction.atomic
def supervision_record(
    *, acting_user: User, supervisee: Staff, session_date: date
) -> SupervisionSession:
    """Record a supervision session that `acting_user` (the supervisor) gave `supervisee`.

    Refuses (PermissionDenied) a user who is not a supervisor with a staff record, supervising
    themself, or a supervisee outside their team (service area for a service manager); refuses
    (ValueError) a date in the future or before the supervisee started.
    """
    supervisor = acting_user.staff
    if acting_user.role not in SUPERVISOR_ROLES or supervisor is None:
        raise PermissionDenied("Only a team manager or supervisor may record supervision")
    if supervisor.pk == supervisee.pk:
        raise PermissionDenied("A supervisor cannot record their own supervision")
    same_team = supervisee.team_id is not None and supervisee.team_id == supervisor.team_id
    same_area = (
        acting_user.role == User.Role.SERVICE_MANAGER
        and supervisee.team is not None
        and supervisor.team is not None
        and supervisee.team.service_area_id == supervisor.team.service_area_id
    )
    if not (same_team or same_area):
        raise PermissionDenied("This user does not supervise this member of staff")
    if session_date > timezone.localdate():
        raise ValueError("A date cannot be in the future")
    if session_date < supervisee.start_date:
        raise ValueError("The session is before the member of staff started")
    row = SupervisionSession.objects.create(
        supervisee=supervisee,
        supervisor=supervisor,
        session_date=session_date,
        **stamp(acting_user),
    )
    audit_event_add(
        acting_user,
        "supervision_record",
        "timescales.SupervisionSession",
        row.pk,
        {"supervisee_id": supervisee.pk, "session_date": session_date.isoformat()},
    )
    return row
