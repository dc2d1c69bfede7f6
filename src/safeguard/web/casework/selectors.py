"""Reads for the casework pages. Each runs a fixed number of queries, whatever the data size."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Case, IntegerField, Max, Prefetch, Q, QuerySet, Value, When

from safeguard.core.journey import (
    JourneyFacts,
    Span,
    Stage,
    age_on,
    stage_on,
    stage_started_on,
)
from safeguard.web.access.children import children_visible_to, open_allocations
from safeguard.web.access.models import User
from safeguard.web.casework.models import (
    AdoptionMilestones,
    Allocation,
    Assessment,
    CareLeaverRecord,
    CareOutcomes,
    CaseNote,
    ChildProtectionConference,
    ChildProtectionPlan,
    CINEpisode,
    CINPlan,
    Contact,
    Draft,
    HealthAssessment,
    HouseholdMember,
    LookedAfterEpisode,
    LookedAfterPeriod,
    LookedAfterReview,
    MissingEpisode,
    Person,
    Relationship,
    Section47Enquiry,
    StrategyDiscussion,
    Visit,
)
from safeguard.web.timescales.selectors import work_for_worker

# The relations that decide a child's stage; prefetch them before calling `journey_facts`.
JOURNEY_PREFETCH = (
    "cin_episodes__assessments",
    "cin_episodes__cp_plans",
    "cin_episodes__cin_plans",
    "care_periods",
    "care_leaver_records",
)

STAGE_TAG_COLOURS: dict[Stage, str] = {
    Stage.LOOKED_AFTER: "govuk-tag--purple",
    Stage.CHILD_PROTECTION_PLAN: "govuk-tag--red",
    Stage.CHILD_IN_NEED_PLAN: "govuk-tag--yellow",
    Stage.ASSESSMENT: "govuk-tag--blue",
    Stage.REFERRAL: "govuk-tag--light-blue",
    Stage.CARE_LEAVER: "govuk-tag--green",
    Stage.CLOSED: "govuk-tag--grey",
}


def journey_facts(child: Person) -> JourneyFacts:
    """The facts `core.journey` needs, from a child whose JOURNEY_PREFETCH relations are loaded."""
    episodes = list(child.cin_episodes.all())
    return JourneyFacts(
        date_of_birth=child.date_of_birth,
        episodes=tuple(Span(e.referral_date, e.closure_date) for e in episodes),
        assessments=tuple(
            Span(a.start_date, a.authorisation_date) for e in episodes for a in e.assessments.all()
        ),
        child_protection_plans=tuple(
            Span(p.start_date, p.end_date) for e in episodes for p in e.cp_plans.all()
        ),
        child_in_need_plans=tuple(
            Span(p.start_date, p.end_date) for e in episodes for p in e.cin_plans.all()
        ),
        care_periods=tuple(Span(p.start_date, p.end_date) for p in child.care_periods.all()),
        care_leaver_records=tuple(r.recorded_on for r in child.care_leaver_records.all()),
    )


@dataclass(frozen=True)
class StageSummary:
    stage: Stage
    started_on: date | None
    tag_class: str

    @property
    def label(self) -> str:
        return self.stage.label


def stage_summary(facts: JourneyFacts, as_at: date) -> StageSummary:
    stage = stage_on(facts, as_at)
    return StageSummary(stage, stage_started_on(facts, as_at), STAGE_TAG_COLOURS[stage])


@dataclass(frozen=True)
class CaseloadRow:
    child: Person
    age: int | None
    stage: StageSummary
    last_visit: date | None
    last_seen: date | None
    next_visit_due: date | None
    allocated_on: date
    visit_overdue: bool


def caseload_for(user: User, *, as_at: date) -> list[CaseloadRow]:
    """The children allocated to `user` on `as_at`, with their stage and key dates.

    Ordered with overdue visits first, then by the date the next visit is due.
    """
    if user.staff_id is None:
        return []
    allocations = (
        open_allocations(as_at)
        .filter(worker_id=user.staff_id)
        .filter(child__in=children_visible_to(user, as_at=as_at))
        .select_related("child")
        .annotate(
            last_visit=Max(
                "child__visits__visit_date",
                filter=Q(child__visits__outcome=Visit.Outcome.COMPLETED)
                & Q(child__visits__visit_date__lte=as_at),
            ),
            last_seen=Max(
                "child__visits__visit_date",
                filter=Q(child__visits__child_seen=True) & Q(child__visits__visit_date__lte=as_at),
            ),
        )
        .prefetch_related(*(f"child__{relation}" for relation in JOURNEY_PREFETCH))
        .order_by("child__last_name", "child__first_name", "child_id")
    )
    # The next visit due is the timescales engine's, so the caseload and My work always agree.
    visits_due: dict[int, date] = {}
    for item in work_for_worker(user.staff, as_at=as_at):
        if item.action == "visit" and item.done_on is None and item.child_id is not None:
            earliest = visits_due.get(item.child_id)
            visits_due[item.child_id] = min(item.due, earliest) if earliest else item.due
    rows = []
    for allocation in allocations:
        child = allocation.child
        summary = stage_summary(journey_facts(child), as_at)
        due = visits_due.get(child.pk)
        rows.append(
            CaseloadRow(
                child=child,
                age=age_on(child.date_of_birth, as_at) if child.date_of_birth else None,
                stage=summary,
                last_visit=allocation.last_visit,
                last_seen=allocation.last_seen,
                next_visit_due=due,
                allocated_on=allocation.start_date,
                visit_overdue=due is not None and due < as_at,
            )
        )
    rows.sort(key=lambda row: (row.next_visit_due is None, row.next_visit_due or date.max))
    return rows


@dataclass(frozen=True)
class HouseholdView:
    name: str
    members: list[HouseholdMember]


@dataclass(frozen=True)
class ChildRecord:
    child: Person
    age: int | None
    stage: StageSummary
    current_allocation: Allocation | None
    allocations: list[Allocation]
    addresses: list
    disabilities: list[str]
    relationships: list[Relationship]
    households: list[HouseholdView]
    has_unknown_adult: bool
    episodes: list[CINEpisode]
    care_periods: list[LookedAfterPeriod]
    reviews: list[LookedAfterReview]
    missing_episodes: list[MissingEpisode]
    health_assessments: list[HealthAssessment]
    care_leaver_records: list[CareLeaverRecord]
    adoptions: list[AdoptionMilestones]
    care_outcomes: list[CareOutcomes]
    last_visit: Visit | None
    awaiting_icpc: list[Section47Enquiry]


def child_record(child: Person, *, as_at: date, viewer: User) -> ChildRecord:
    """Everything on the child's record page, in a fixed number of queries.

    Relatives and household members whose own record is restricted, and which `viewer` may not
    open, are marked `withheld` so the page shows no name for them.
    """
    child = (
        Person.objects.filter(pk=child.pk)
        .prefetch_related(
            Prefetch(
                "cin_episodes",
                queryset=CINEpisode.objects.order_by("-referral_date").prefetch_related(
                    "assessments",
                    "strategy_discussions",
                    "section47s",
                    "conferences",
                    "cp_plans",
                    "cin_plans",
                ),
            ),
            Prefetch(
                "care_periods",
                queryset=LookedAfterPeriod.objects.order_by("-start_date").prefetch_related(
                    Prefetch("episodes", queryset=LookedAfterEpisode.objects.order_by("start_date"))
                ),
            ),
            "care_leaver_records",
            Prefetch("addresses"),
            "disabilities",
            Prefetch(
                "relationships",
                queryset=Relationship.objects.select_related("related_person").order_by(
                    "kind", "related_person__last_name"
                ),
            ),
            Prefetch(
                "allocations",
                queryset=Allocation.objects.select_related("team", "worker").order_by(
                    "-start_date", "-pk"
                ),
            ),
            Prefetch("care_reviews", queryset=LookedAfterReview.objects.order_by("-review_date")),
            Prefetch("missing_episodes", queryset=MissingEpisode.objects.order_by("-start_date")),
            Prefetch(
                "health_assessments",
                queryset=HealthAssessment.objects.order_by("-assessment_date"),
            ),
            "adoptions",
            Prefetch("care_outcomes", queryset=CareOutcomes.objects.filter(archived_at=None)),
        )
        .get()
    )
    memberships = HouseholdMember.objects.filter(person=child).values("household_id")
    members = (
        HouseholdMember.objects.filter(household_id__in=memberships)
        .select_related("household", "person")
        .order_by("household__name", "household_id", "start_date", "pk")
    )
    households: dict[int, HouseholdView] = {}
    for member in members:
        view = households.setdefault(member.household_id, HouseholdView(member.household.name, []))
        view.members.append(member)
    relationships = list(child.relationships.all())
    _withhold_restricted(
        viewer,
        [(rel, rel.related_person) for rel in relationships]
        + [(m, m.person) for view in households.values() for m in view.members if m.person],
    )
    allocations = list(child.allocations.all())
    current = next(
        (
            a
            for a in allocations
            if a.start_date <= as_at and (a.end_date is None or a.end_date > as_at)
        ),
        None,
    )
    last_visit = (
        Visit.objects.filter(child=child, visit_date__lte=as_at)
        .select_related("worker")
        .order_by("-visit_date", "-pk")
        .first()
    )
    return ChildRecord(
        child=child,
        age=age_on(child.date_of_birth, as_at) if child.date_of_birth else None,
        stage=stage_summary(journey_facts(child), as_at),
        current_allocation=current,
        allocations=allocations,
        addresses=list(child.addresses.all()),
        disabilities=[d.code for d in child.disabilities.all()],
        relationships=relationships,
        households=list(households.values()),
        has_unknown_adult=any(
            m.is_unknown_adult and (m.end_date is None or m.end_date > as_at)
            for view in households.values()
            for m in view.members
        ),
        episodes=list(child.cin_episodes.all()),
        care_periods=list(child.care_periods.all()),
        reviews=list(child.care_reviews.all()),
        missing_episodes=list(child.missing_episodes.all()),
        health_assessments=list(child.health_assessments.all()),
        care_leaver_records=sorted(
            child.care_leaver_records.all(), key=lambda r: r.recorded_on, reverse=True
        ),
        adoptions=list(child.adoptions.all()),
        care_outcomes=list(child.care_outcomes.all()),
        last_visit=last_visit,
        awaiting_icpc=_awaiting_icpc(child.cin_episodes.all()),
    )


def _awaiting_icpc(episodes: Iterable[CINEpisode]) -> list[Section47Enquiry]:
    """The section 47 enquiries on open episodes still waiting for an initial conference, latest
    first, from episodes whose section47s and conferences are loaded.

    As the ICPC timescale counts it: an enquiry needs none when it was marked not required or
    ended as child in need or no further action, and an initial conference on the episode that
    names no enquiry (imported from a CIN return) counts for the enquiries started by its date.
    """
    waiting = []
    for episode in episodes:
        if episode.closure_date is not None:
            continue
        initial = [c for c in episode.conferences.all() if c.kind == "initial"]
        for enquiry in episode.section47s.all():
            ended_without = enquiry.end_date is not None and enquiry.outcome in {"cin", "nfa"}
            held = any(
                c.section47_id == enquiry.pk
                or (c.section47_id is None and c.conference_date >= enquiry.start_date)
                for c in initial
            )
            if not (enquiry.icpc_not_required or ended_without or held):
                waiting.append(enquiry)
    return sorted(waiting, key=lambda e: (e.start_date, e.pk), reverse=True)


def enquiries_awaiting_icpc(child: Person) -> list[Section47Enquiry]:
    """The child's section 47 enquiries waiting for an initial conference, latest first."""
    episodes = CINEpisode.objects.filter(child=child, closure_date__isnull=True).prefetch_related(
        "section47s", "conferences"
    )
    return _awaiting_icpc(episodes)


def _withhold_restricted(viewer: User, rows: list[tuple[object, Person]]) -> None:
    """Mark each row `withheld` when its person's record is restricted and hidden from `viewer`."""
    restricted = {person.pk for _, person in rows if person.is_restricted}
    visible = (
        set(children_visible_to(viewer).filter(pk__in=restricted).values_list("pk", flat=True))
        if restricted
        else set()
    )
    for row, person in rows:
        row.withheld = person.pk in restricted and person.pk not in visible  # type: ignore[attr-defined]


# --- Chronology -------------------------------------------------------------------------------

CHRONOLOGY_KINDS: dict[str, str] = {
    "contact": "Contact",
    "referral": "Referral",
    "assessment": "Assessment",
    "strategy": "Strategy discussion",
    "section47": "Section 47 enquiry",
    "conference": "Child protection conference",
    "cp_plan": "Child protection plan",
    "cin_plan": "Child in need plan",
    "visit": "Visit",
    "care": "Care and placements",
    "review": "Looked-after review",
    "missing": "Missing or absent",
    "health": "Health",
    "care_leaver": "Care leaver",
    "adoption": "Adoption",
    "allocation": "Allocation",
    "note": "Case note",
}


@dataclass(frozen=True)
class ChronologyEntry:
    on: date
    kind: str
    title: str
    detail: str = ""
    by: str = ""
    recorded_at: datetime | None = None

    @property
    def kind_label(self) -> str:
        return CHRONOLOGY_KINDS[self.kind]


def _yes_no(value: bool | None) -> str:
    return {True: "yes", False: "no", None: "not recorded"}[value]


def _contacts(child: Person) -> Iterable[ChronologyEntry]:
    for c in Contact.objects.filter(child=child):
        outcome = c.get_outcome_display() or "outcome not recorded"
        yield ChronologyEntry(c.contact_date, "contact", "Contact received", f"Outcome: {outcome}.")


def _referrals(child: Person) -> Iterable[ChronologyEntry]:
    for e in CINEpisode.objects.filter(child=child):
        detail = f"Source {e.referral_source}." + (" No further action." if e.referral_nfa else "")
        yield ChronologyEntry(e.referral_date, "referral", "Referral received", detail)
        if e.closure_date:
            reason = f"Reason {e.closure_reason}." if e.closure_reason else ""
            yield ChronologyEntry(e.closure_date, "referral", "Case closed", reason)


def _assessments(child: Person) -> Iterable[ChronologyEntry]:
    for a in Assessment.objects.filter(episode__child=child):
        yield ChronologyEntry(a.start_date, "assessment", "Assessment started")
        if a.authorisation_date:
            outcome = a.get_outcome_display() or "outcome not recorded"
            yield ChronologyEntry(
                a.authorisation_date, "assessment", "Assessment authorised", f"Outcome: {outcome}."
            )


def _strategy(child: Person) -> Iterable[ChronologyEntry]:
    for s in StrategyDiscussion.objects.filter(episode__child=child):
        agreed = "Section 47 enquiry agreed." if s.section47_agreed else "No section 47 enquiry."
        yield ChronologyEntry(s.discussion_date, "strategy", "Strategy discussion", agreed)


def _section47s(child: Person) -> Iterable[ChronologyEntry]:
    for s in Section47Enquiry.objects.filter(episode__child=child):
        yield ChronologyEntry(s.start_date, "section47", "Section 47 enquiry started")
        if s.end_date:
            outcome = s.get_outcome_display() or "outcome not recorded"
            yield ChronologyEntry(
                s.end_date, "section47", "Section 47 enquiry ended", f"Outcome: {outcome}."
            )


def _conferences(child: Person) -> Iterable[ChronologyEntry]:
    for c in ChildProtectionConference.objects.filter(episode__child=child):
        plan = {True: "Plan needed.", False: "No plan needed.", None: ""}[c.plan_required]
        yield ChronologyEntry(c.conference_date, "conference", c.get_kind_display(), plan)


def _cp_plans(child: Person) -> Iterable[ChronologyEntry]:
    for p in ChildProtectionPlan.objects.filter(episode__child=child):
        yield ChronologyEntry(
            p.start_date,
            "cp_plan",
            "Child protection plan started",
            f"Category {p.initial_category}.",
        )
        if p.end_date:
            yield ChronologyEntry(p.end_date, "cp_plan", "Child protection plan ended")


def _cin_plans(child: Person) -> Iterable[ChronologyEntry]:
    for p in CINPlan.objects.filter(episode__child=child):
        yield ChronologyEntry(p.start_date, "cin_plan", "Child in need plan started")
        if p.end_date:
            yield ChronologyEntry(p.end_date, "cin_plan", "Child in need plan ended")


def _visits(child: Person) -> Iterable[ChronologyEntry]:
    for v in Visit.objects.filter(child=child).select_related("worker"):
        seen = "Child seen alone." if v.seen_alone else f"Child seen: {_yes_no(v.child_seen)}."
        detail = f"{v.get_mode_display()}. {v.get_outcome_display()}. {seen}"
        if v.notes:
            detail += f"\n{v.notes}"
        by = v.worker.full_name if v.worker else ""
        yield ChronologyEntry(v.visit_date, "visit", v.get_kind_display(), detail, by)


def _care(child: Person) -> Iterable[ChronologyEntry]:
    for p in LookedAfterPeriod.objects.filter(child=child):
        yield ChronologyEntry(p.start_date, "care", "Became looked after")
        if p.end_date:
            yield ChronologyEntry(p.end_date, "care", "Stopped being looked after")
    for e in LookedAfterEpisode.objects.filter(child=child):
        detail = f"Legal status {e.legal_status}, placement {e.placement_type}."
        if e.reason_place_change:
            detail += f" Reason for move {e.reason_place_change}."
        title = "Placement or legal status changed" if e.reason_new_episode != "S" else "Placed"
        yield ChronologyEntry(e.start_date, "care", title, detail)


def _reviews(child: Person) -> Iterable[ChronologyEntry]:
    for r in LookedAfterReview.objects.filter(child=child):
        detail = f"Participation {r.participation}." if r.participation else ""
        yield ChronologyEntry(r.review_date, "review", "Looked-after review", detail)


def _missing(child: Person) -> Iterable[ChronologyEntry]:
    for m in MissingEpisode.objects.filter(child=child):
        yield ChronologyEntry(m.start_date, "missing", f"{m.get_kind_display()} from placement")
        if m.end_date:
            offered = _yes_no(m.return_interview_offered)
            yield ChronologyEntry(
                m.end_date, "missing", "Returned", f"Return interview offered: {offered}."
            )


def _health(child: Person) -> Iterable[ChronologyEntry]:
    for h in HealthAssessment.objects.filter(child=child):
        yield ChronologyEntry(h.assessment_date, "health", h.get_kind_display())


def _care_leaver(child: Person) -> Iterable[ChronologyEntry]:
    for r in CareLeaverRecord.objects.filter(child=child):
        detail = f"In touch: {r.in_touch}. Activity {r.activity or 'not recorded'}."
        yield ChronologyEntry(r.recorded_on, "care_leaver", "Care leaver record", detail)


ADOPTION_STEPS = (
    ("decision_date", "Decision that the child should be adopted"),
    ("placement_order_date", "Placement order made"),
    ("matched_date", "Matched with adopters"),
    ("placed_date", "Placed for adoption"),
    ("adoption_order_date", "Adoption order made"),
    ("no_longer_planned_date", "Adoption no longer the plan"),
)


def _adoption(child: Person) -> Iterable[ChronologyEntry]:
    for a in AdoptionMilestones.objects.filter(child=child):
        for field, title in ADOPTION_STEPS:
            if getattr(a, field):
                yield ChronologyEntry(getattr(a, field), "adoption", title)


def _allocations(child: Person) -> Iterable[ChronologyEntry]:
    for a in Allocation.objects.filter(child=child).select_related("team", "worker"):
        who = a.worker.full_name if a.worker else "no named worker yet"
        yield ChronologyEntry(a.start_date, "allocation", f"Allocated to {a.team.name}", who)
        if a.end_date:
            yield ChronologyEntry(a.end_date, "allocation", f"Allocation to {a.team.name} ended")


def _notes(child: Person) -> Iterable[ChronologyEntry]:
    for n in CaseNote.objects.filter(child=child).select_related("author", "created_by"):
        by = (
            n.author.full_name
            if n.author
            else n.created_by.get_full_name() or n.created_by.username
        )
        yield ChronologyEntry(n.note_date, "note", n.title, n.text, by, n.created_at)


CHRONOLOGY_SOURCES = {
    "contact": _contacts,
    "referral": _referrals,
    "assessment": _assessments,
    "strategy": _strategy,
    "section47": _section47s,
    "conference": _conferences,
    "cp_plan": _cp_plans,
    "cin_plan": _cin_plans,
    "visit": _visits,
    "care": _care,
    "review": _reviews,
    "missing": _missing,
    "health": _health,
    "care_leaver": _care_leaver,
    "adoption": _adoption,
    "allocation": _allocations,
    "note": _notes,
}


def chronology_for(child: Person, *, kinds: Iterable[str] = ()) -> list[ChronologyEntry]:
    """Every event on the child's record, newest first; only `kinds` when any are given.

    One or two queries per kind, so the count is bounded by the number of kinds, not events.
    """
    wanted = [k for k in CHRONOLOGY_SOURCES if k in set(kinds)] or list(CHRONOLOGY_SOURCES)
    entries = [entry for kind in wanted for entry in CHRONOLOGY_SOURCES[kind](child)]
    entries.sort(
        key=lambda e: (e.on, e.recorded_at.timestamp() if e.recorded_at else 0.0), reverse=True
    )
    return entries


# --- Search -----------------------------------------------------------------------------------

DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d")


def parse_date_of_birth(text: str) -> date | None:
    """A date typed as dd/mm/yyyy or yyyy-mm-dd, or None if the text is not one."""
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _next_string(text: str) -> str:
    """The smallest string after every string that starts with `text`."""
    return text[:-1] + chr(ord(text[-1]) + 1)


def search_people(user: User, text: str) -> QuerySet[Person]:
    """People `user` may see who match `text`: a date of birth, an LA id, or part of a name.

    Ranked so the likeliest person comes first: exact id, exact full name, names starting with
    the words typed, then names containing them. Text with a digit in it is an id, found through
    the unique index; a date of birth uses its index; a name is matched by a case-insensitive
    scan of the people the user may see (about 50 ms over 60,000 people on SQLite).
    """
    text = " ".join(text.split())
    visible = children_visible_to(user)
    if not text:
        return visible.none()
    born = parse_date_of_birth(text)
    if born is not None:
        return visible.filter(date_of_birth=born).order_by("last_name", "first_name", "pk")
    exact_id = Q(la_person_id=text)
    if any(character.isdigit() for character in text):
        # Names have no digits, so this is an id: an exact match, then ids starting with the text,
        # as a range on the unique index (a LIKE could not use it on either database).
        id_prefix = Q(la_person_id__gte=text, la_person_id__lt=_next_string(text))
        return (
            visible.filter(id_prefix)
            .annotate(
                rank=Case(
                    When(exact_id, then=Value(0)), default=Value(2), output_field=IntegerField()
                )
            )
            .order_by("rank", "la_person_id", "pk")
        )
    words = re.split(r"\s+", text)
    first, last = words[0], words[-1]
    if len(words) == 1:
        exact_name = Q(last_name__iexact=text) | Q(first_name__iexact=text)
        prefix = (
            Q(last_name__istartswith=text)
            | Q(first_name__istartswith=text)
            | Q(la_person_id__istartswith=text)
        )
        contains = Q(last_name__icontains=text) | Q(first_name__icontains=text)
    else:
        middle_free_first = " ".join(words[:-1])
        exact_name = Q(first_name__iexact=middle_free_first, last_name__iexact=last) | Q(
            first_name__iexact=first, last_name__iexact=last
        )
        prefix = Q(first_name__istartswith=first, last_name__istartswith=last)
        contains = Q(first_name__icontains=first, last_name__icontains=last)
    return (
        visible.filter(exact_id | prefix | contains)
        .annotate(
            rank=Case(
                When(exact_id, then=Value(0)),
                When(exact_name, then=Value(1)),
                When(prefix, then=Value(2)),
                default=Value(3),
                output_field=IntegerField(),
            )
        )
        .order_by("rank", "last_name", "first_name", "pk")
    )


# --- Recording --------------------------------------------------------------------------------

# The kind of visit a child's stage calls for, so the visit form starts on the usual answer.
VISIT_KIND_FOR_STAGE: dict[Stage, str] = {
    Stage.LOOKED_AFTER: Visit.Kind.LOOKED_AFTER,
    Stage.CHILD_PROTECTION_PLAN: Visit.Kind.CHILD_PROTECTION,
    Stage.CHILD_IN_NEED_PLAN: Visit.Kind.CHILD_IN_NEED,
    Stage.ASSESSMENT: Visit.Kind.ASSESSMENT,
    Stage.REFERRAL: Visit.Kind.ASSESSMENT,
    Stage.CARE_LEAVER: Visit.Kind.CARE_LEAVER,
    Stage.CLOSED: Visit.Kind.CHILD_IN_NEED,
}


def child_stage(child: Person, *, as_at: date) -> StageSummary:
    """The child's stage on `as_at`, in a fixed number of queries."""
    loaded = Person.objects.prefetch_related(*JOURNEY_PREFETCH).get(pk=child.pk)
    return stage_summary(journey_facts(loaded), as_at)


def open_draft(user: User, child: Person, form_name: str) -> Draft | None:
    """`user`'s own open draft of `form_name` about `child`, if they have one."""
    return Draft.objects.filter(
        user=user, child=child, form_name=form_name, archived_at__isnull=True
    ).first()
