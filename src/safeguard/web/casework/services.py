"""Changes to a child's record. Each checks access and writes its audit entry in one transaction."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from safeguard.core.codes import collection_year, is_valid
from safeguard.web.access.audit import audit_event_add, ensure_may_record, stamp
from safeguard.web.access.children import children_visible_to
from safeguard.web.access.models import User
from safeguard.web.casework.models import (
    CareOutcomes,
    CaseNote,
    ChildProtectionConference,
    ChildProtectionPlan,
    Draft,
    HealthAssessment,
    LookedAfterPeriod,
    LookedAfterReview,
    Person,
    Section47Enquiry,
    Visit,
)


@transaction.atomic
def case_note_add(
    *, acting_user: User, child: Person, note_date: date, title: str, text: str
) -> CaseNote:
    """Add a note to the child's chronology, written by `acting_user`.

    Refuses (PermissionDenied) a user who may not see the child, and a note dated in the future.
    The audit entry records which note and which fields, never the note's words.
    """
    ensure_may_record(acting_user, child, note_date)
    note = CaseNote.objects.create(
        child=child,
        note_date=note_date,
        title=title,
        text=text,
        author_id=acting_user.staff_id,
        **stamp(acting_user),
    )
    _audit(
        acting_user,
        "case_note_add",
        note,
        {
            "child_id": child.pk,
            "note_date": note_date.isoformat(),
            "fields": ["note_date", "title", "text"],
        },
    )
    return note


def _audit(acting_user: User, action: str, row: models.Model, changes: dict[str, object]) -> None:
    audit_event_add(acting_user, action, row._meta.label, row.pk, changes)


@transaction.atomic
def visit_record(
    *,
    acting_user: User,
    child: Person,
    kind: str,
    visit_date: date,
    mode: str = Visit.Mode.IN_PERSON,
    outcome: str = Visit.Outcome.COMPLETED,
    child_seen: bool,
    seen_alone: bool,
    notes: str = "",
) -> Visit:
    """Record a visit to the child by `acting_user` (their staff record is the visiting worker).

    Refuses (PermissionDenied) a user who may not see the child; refuses (ValueError) a future
    date, a child seen alone but not seen, and a child seen at a visit with no access. The audit
    entry names the fields, never the notes' words.
    """
    ensure_may_record(acting_user, child, visit_date)
    if seen_alone and not child_seen:
        raise ValueError("A child cannot be seen alone without being seen")
    if outcome == Visit.Outcome.NO_ACCESS and child_seen:
        raise ValueError("A child cannot be seen at a visit with no access")
    visit = Visit.objects.create(
        child=child,
        kind=kind,
        visit_date=visit_date,
        mode=mode,
        outcome=outcome,
        child_seen=child_seen,
        seen_alone=seen_alone,
        notes=notes,
        worker_id=acting_user.staff_id,
        **stamp(acting_user),
    )
    _audit(
        acting_user,
        "visit_record",
        visit,
        {
            "child_id": child.pk,
            "visit_date": visit_date.isoformat(),
            "kind": kind,
            "outcome": outcome,
            "child_seen": child_seen,
            "seen_alone": seen_alone,
            "fields": [
                "kind",
                "visit_date",
                "mode",
                "outcome",
                "child_seen",
                "seen_alone",
                "notes",
            ],
        },
    )
    return visit


def _care_period_on(child: Person, on: date) -> LookedAfterPeriod | None:
    """The period of care the child was in on `on`, if any."""
    return (
        LookedAfterPeriod.objects.filter(child=child, start_date__lte=on)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=on))
        .order_by("-start_date")
        .first()
    )


@transaction.atomic
def cla_review_record(
    *, acting_user: User, child: Person, review_date: date, participation: str = ""
) -> LookedAfterReview:
    """Record a looked-after review (SSDA903 REVIEW, REVIEW_CODE) held on `review_date`.

    The review belongs to the period of care the child was in that day; a child who was not
    looked after then is refused (ValueError), as is a future date or an unknown PN code.
    """
    ensure_may_record(acting_user, child, review_date)
    if participation and not is_valid("REVIEW_CODE", collection_year(review_date), participation):
        raise ValueError("Participation must be a REVIEW_CODE code valid on the review's date")
    period = _care_period_on(child, review_date)
    if period is None:
        raise ValueError("The child was not looked after on the date of the review")
    review = LookedAfterReview.objects.create(
        child=child,
        period=period,
        review_date=review_date,
        participation=participation,
        **stamp(acting_user),
    )
    _audit(
        acting_user,
        "cla_review_record",
        review,
        {"child_id": child.pk, "review_date": review_date.isoformat(), "period_id": period.pk},
    )
    return review


def _plan_open_on(child: Person, on: date) -> ChildProtectionPlan | None:
    """The child protection plan open on `on` (started by then and not ended before it)."""
    return (
        ChildProtectionPlan.objects.filter(episode__child=child, start_date__lte=on)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=on))
        .select_related("episode")
        .order_by("-start_date")
        .first()
    )


@transaction.atomic
def cp_conference_record(
    *, acting_user: User, child: Person, conference_date: date, plan_continues: bool
) -> ChildProtectionConference:
    """Record a review child protection conference (CIN CPPreviewDate) on the child's open plan.

    When the conference decides the plan is no longer needed, the plan ends on the conference's
    date (CIN CPPendDate). A child with no plan open that day is refused (ValueError).
    """
    ensure_may_record(acting_user, child, conference_date)
    plan = _plan_open_on(child, conference_date)
    if plan is None:
        raise ValueError("The child had no child protection plan on the date of the conference")
    conference = ChildProtectionConference.objects.create(
        episode=plan.episode,
        plan=plan,
        kind=ChildProtectionConference.Kind.REVIEW,
        conference_date=conference_date,
        plan_required=plan_continues,
        **stamp(acting_user),
    )
    changes: dict[str, object] = {
        "child_id": child.pk,
        "conference_date": conference_date.isoformat(),
        "plan_id": plan.pk,
        "plan_continues": plan_continues,
    }
    if not plan_continues:
        plan.end_date = conference_date
        plan.updated_at = timezone.now()
        plan.updated_by = acting_user
        plan.save(update_fields=["end_date", "updated_at", "updated_by"])
        changes["plan_end_date"] = conference_date.isoformat()
    _audit(acting_user, "cp_conference_record", conference, changes)
    return conference


def previous_plans_count(child: Person, before: date) -> int:
    """How many child protection plans the child had before `before` (CIN NumberOfPreviousCPP).

    Counts the plans held here, in order; a plan imported with its own count (from another
    council's record) restarts the count from there, since plans before it may not be held here.
    """
    count = 0
    earlier = ChildProtectionPlan.objects.filter(episode__child=child, start_date__lt=before)
    for plan in earlier.order_by("start_date", "pk"):
        own = plan.number_of_previous_plans
        count = (own if own is not None else count) + 1
    return count


@transaction.atomic
def icpc_record(
    *,
    acting_user: User,
    child: Person,
    section47: Section47Enquiry,
    conference_date: date,
    plan_required: bool,
    category: str = "",
) -> ChildProtectionConference:
    """Record the initial child protection conference (CIN DateOfInitialCPC) after `section47`.

    When the conference decides a plan is needed, the plan starts that day (CIN CPPstartDate)
    in the enquiry's episode, with `category` as its initial and latest category of abuse and
    the count of the child's earlier plans. Refuses (PermissionDenied) a user who may not see
    the child, and (ValueError) a future date, an enquiry not on this child's open episode or
    already conferenced, a date before the enquiry started, an unknown category, and a second
    plan open on the same day.
    """
    ensure_may_record(acting_user, child, conference_date)
    enquiry = (
        Section47Enquiry.objects.select_for_update()
        .select_related("episode")
        .filter(pk=section47.pk, episode__child=child)
        .first()
    )
    if enquiry is None or enquiry.episode.closure_date is not None:
        raise ValueError("The section 47 enquiry is not on this child's open referral")
    if ChildProtectionConference.objects.filter(
        section47=enquiry, kind=ChildProtectionConference.Kind.INITIAL
    ).exists():
        raise ValueError("An initial conference is already recorded for this section 47 enquiry")
    if conference_date < enquiry.start_date:
        raise ValueError("The conference cannot be before the section 47 enquiry started")
    plan = None
    changes: dict[str, object] = {
        "child_id": child.pk,
        "section47_id": enquiry.pk,
        "conference_date": conference_date.isoformat(),
        "plan_required": plan_required,
    }
    if plan_required:
        if not is_valid("CategoryOfAbuse", collection_year(conference_date), category):
            raise ValueError("Category of abuse must be a CIN code valid on the conference's date")
        if _plan_open_on(child, conference_date) is not None:
            raise ValueError("The child already had a child protection plan on that date")
        plan = ChildProtectionPlan.objects.create(
            episode=enquiry.episode,
            start_date=conference_date,
            initial_category=category,
            latest_category=category,
            number_of_previous_plans=previous_plans_count(child, conference_date),
            **stamp(acting_user),
        )
        changes |= {"plan_id": plan.pk, "category": category}
    conference = ChildProtectionConference.objects.create(
        episode=enquiry.episode,
        section47=enquiry,
        plan=plan,
        kind=ChildProtectionConference.Kind.INITIAL,
        conference_date=conference_date,
        plan_required=plan_required,
        **stamp(acting_user),
    )
    _audit(acting_user, "icpc_record", conference, changes)
    return conference


@transaction.atomic
def health_assessment_record(
    *, acting_user: User, child: Person, kind: str, assessment_date: date
) -> HealthAssessment:
    """Record a health assessment or dental check (SSDA903 OC2) done on `assessment_date`."""
    ensure_may_record(acting_user, child, assessment_date)
    if kind not in HealthAssessment.Kind.values:
        raise ValueError("Unknown kind of health assessment")
    assessment = HealthAssessment.objects.create(
        child=child, kind=kind, assessment_date=assessment_date, **stamp(acting_user)
    )
    _audit(
        acting_user,
        "health_assessment_record",
        assessment,
        {"child_id": child.pk, "kind": kind, "assessment_date": assessment_date.isoformat()},
    )
    return assessment


def _birthday(born: date, years: int) -> date:
    """The day the child turns `years` (29 February: 28 February, as the DfE's rules count)."""
    try:
        return born.replace(year=born.year + years)
    except ValueError:
        return born.replace(year=born.year + years, day=28)


def _care_outcomes_problems(
    *,
    child: Person,
    collection_year: int,
    sdq_score: int | None,
    sdq_reason: str,
    convicted: bool | None,
    substance_misuse: bool | None,
    intervention_received: bool | None,
    intervention_offered: bool | None,
) -> list[str]:
    """Why these outcomes could not be sent to the DfE as they stand, in plain words.

    The SSDA903 rules on what is asked at which age and which items go together (rules 158, 159,
    180, 188, 189, 192, 193, 196, 197a and 542); the return's cohort and the items that must be
    present are the DfE validation's to report.
    """
    first, last = date(collection_year - 1, 4, 1), date(collection_year, 3, 31)
    problems = []
    if sdq_score is not None and not 0 <= sdq_score <= 40:
        problems.append("The SDQ score must be from 0 to 40")
    if sdq_reason and sdq_reason not in CareOutcomes.SDQReason.values:
        problems.append("Unknown reason for no SDQ score")
    if sdq_score is not None and sdq_reason:
        problems.append("Give an SDQ score or a reason for no score, not both")
    born = child.date_of_birth
    if born is not None and (sdq_score is not None or sdq_reason):
        if _birthday(born, 4) > last:
            problems.append("The child was under 4 all year, so no SDQ score or reason is asked")
        elif _birthday(born, 17) <= first:
            problems.append("The child was 17 or over all year, so no SDQ score or reason is asked")
    if born is not None and convicted is not None and _birthday(born, 10) > last:
        problems.append("The child was under 10 on 31 March, so convictions are not asked")
    if substance_misuse is not True and (
        intervention_received is not None or intervention_offered is not None
    ):
        problems.append("No substance misuse problem was identified, so no intervention is asked")
    if substance_misuse and intervention_received is None:
        problems.append("Say whether the child received an intervention for substance misuse")
    if intervention_received is True and intervention_offered is not None:
        problems.append("The child received an intervention, so leave whether one was offered")
    if intervention_received is False and intervention_offered is None:
        problems.append("Say whether the child was offered an intervention and refused it")
    return problems


@transaction.atomic
def care_outcomes_record(
    *,
    acting_user: User,
    child: Person,
    collection_year: int,
    sdq_score: int | None = None,
    sdq_reason: str = "",
    convicted: bool | None = None,
    immunisations_up_to_date: bool | None = None,
    substance_misuse: bool | None = None,
    intervention_received: bool | None = None,
    intervention_offered: bool | None = None,
) -> CareOutcomes:
    """Record the child's outcomes over a collection year (SSDA903 OC2), 2026 being the year to
    31 March 2026.

    A year holds one record: recording again for the same year replaces its answers, and the
    audit entry says which changed. Refuses (PermissionDenied) a user who may not see the child,
    and (ValueError) a year that has not begun, or answers the DfE's rules would reject for the
    child's age or that do not go together (`_care_outcomes_problems`).
    """
    ensure_may_record(acting_user, child, date(collection_year - 1, 4, 1))
    problems = _care_outcomes_problems(
        child=child,
        collection_year=collection_year,
        sdq_score=sdq_score,
        sdq_reason=sdq_reason,
        convicted=convicted,
        substance_misuse=substance_misuse,
        intervention_received=intervention_received,
        intervention_offered=intervention_offered,
    )
    if problems:
        raise ValueError(problems[0])
    answers: dict[str, object] = {
        "sdq_score": sdq_score,
        "sdq_reason": sdq_reason,
        "convicted": convicted,
        "immunisations_up_to_date": immunisations_up_to_date,
        "substance_misuse": substance_misuse,
        "intervention_received": intervention_received,
        "intervention_offered": intervention_offered,
    }
    held = (
        CareOutcomes.objects.select_for_update()
        .filter(child=child, collection_year=collection_year, archived_at__isnull=True)
        .first()
    )
    if held is None:
        outcomes = CareOutcomes.objects.create(
            child=child, collection_year=collection_year, **answers, **stamp(acting_user)
        )
        changed = list(answers)
        action = "care_outcomes_record"
    else:
        outcomes = held
        changed = [name for name, value in answers.items() if getattr(held, name) != value]
        for name in changed:
            setattr(held, name, answers[name])
        held.updated_at = timezone.now()
        held.updated_by = acting_user
        held.save(update_fields=[*changed, "updated_at", "updated_by"])
        action = "care_outcomes_change"
    # Which items were answered, never the answers: an SDQ score or a conviction is sensitive.
    _audit(
        acting_user,
        action,
        outcomes,
        {"child_id": child.pk, "collection_year": collection_year, "fields": changed},
    )
    return outcomes


# --- Drafts -----------------------------------------------------------------------------------

# The forms that keep drafts, and the fields each may keep; anything else sent is dropped.
DRAFT_FIELDS: dict[str, frozenset[str]] = {
    "visit": frozenset(
        {"kind", "visit_date", "mode", "outcome", "child_seen", "seen_alone", "notes"}
    ),
    "note": frozenset({"title", "note_date", "text"}),
    "cla_review": frozenset({"review_date", "participation"}),
    "cp_conference": frozenset({"conference_date", "plan_continues"}),
    "icpc": frozenset({"conference_date", "section47", "plan_required", "category"}),
    "health_assessment": frozenset({"kind", "assessment_date"}),
    "needs_assessment": frozenset({"assessment_date"}),
    "care_outcomes": frozenset(
        {
            "collection_year",
            "sdq_score",
            "sdq_reason",
            "convicted",
            "immunisations_up_to_date",
            "substance_misuse",
            "intervention_received",
            "intervention_offered",
        }
    ),
}
DRAFT_MAX_CHARS = 40_000


def _draft_data(form_name: str, data: dict[str, str]) -> dict[str, str]:
    if form_name not in DRAFT_FIELDS:
        raise ValueError("This form does not keep drafts")
    kept = {k: str(v) for k, v in data.items() if k in DRAFT_FIELDS[form_name]}
    if sum(len(v) for v in kept.values()) > DRAFT_MAX_CHARS:
        raise ValueError("The draft is too long to keep")
    return kept


@transaction.atomic
def draft_save(
    *,
    acting_user: User,
    child: Person,
    form_name: str,
    data: dict[str, str],
    form_opened_at: datetime | None = None,
) -> Draft | None:
    """Keep what `acting_user` has typed so far into `form_name` about `child`.

    Returns None, keeping nothing, when the form was sent (its draft archived) after
    `form_opened_at`: a save still on its way from a page already sent must not bring the draft
    back. No audit entry: a draft is the user's own unsent words, not part of the child's record.
    """
    if not children_visible_to(acting_user).filter(pk=child.pk).exists():
        raise PermissionDenied("This user may not add to this record")
    kept = _draft_data(form_name, data)
    mine = Draft.objects.select_for_update().filter(
        user=acting_user, child=child, form_name=form_name
    )
    if (
        form_opened_at is not None
        and mine.filter(archived_at__gt=form_opened_at, archived_at__isnull=False).exists()
    ):
        return None
    now = timezone.now()
    draft = mine.filter(archived_at__isnull=True).first()
    if draft is None:
        return Draft.objects.create(
            user=acting_user,
            child=child,
            form_name=form_name,
            data=kept,
            **stamp(acting_user),
        )
    draft.data = kept
    draft.updated_at = now
    draft.updated_by = acting_user
    draft.save(update_fields=["data", "updated_at", "updated_by"])
    return draft


def draft_archive(*, acting_user: User, child: Person, form_name: str) -> int:
    """Archive `acting_user`'s open draft of `form_name` about `child` (sent or discarded)."""
    now = timezone.now()
    return Draft.objects.filter(
        user=acting_user, child=child, form_name=form_name, archived_at__isnull=True
    ).update(archived_at=now, updated_at=now, updated_by=acting_user)
