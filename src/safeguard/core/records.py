"""An authority's records as plain data: one immutable record type per database table.

The synthetic generator makes these, the database loader inserts them, and the return writers
(SSDA903, CIN census, Annex A) read them, whether they came from the generator or the database.

Field names are the database column names (``child_id``, not ``child``), in the table's column
order, so a loader can insert the tuples as they are. Every record carries the integer primary key
the generator assigned; foreign keys refer to those ids.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from typing import NamedTuple


class ServiceArea(NamedTuple):
    id: int
    name: str


class Team(NamedTuple):
    id: int
    name: str
    service_area_id: int
    kind: str
    establishment_fte: Decimal


class Staff(NamedTuple):
    id: int
    staff_id: str
    first_name: str
    last_name: str
    role: str
    contract: str
    newly_qualified: bool
    fte: Decimal
    team_id: int | None
    start_date: date
    end_date: date | None
    leaving_reason: str


class Person(NamedTuple):
    id: int
    la_person_id: str
    first_name: str
    last_name: str
    preferred_name: str
    date_of_birth: date | None
    expected_date_of_birth: date | None
    sex: str
    gender: str
    ethnicity: str
    upn: str
    former_upn: str
    upn_unknown_reason: str
    nhs_number: str
    death_date: date | None
    is_unaccompanied_asylum_seeker: bool
    uasc_ceased_date: date | None
    is_restricted: bool


class PersonDisability(NamedTuple):
    id: int
    person_id: int
    code: str


class Address(NamedTuple):
    id: int
    person_id: int
    kind: str
    line_1: str
    line_2: str
    town: str
    postcode: str
    start_date: date
    end_date: date | None


class Household(NamedTuple):
    id: int
    name: str


class HouseholdMember(NamedTuple):
    id: int
    household_id: int
    person_id: int | None
    is_unknown_adult: bool
    description: str
    start_date: date
    end_date: date | None


class Relationship(NamedTuple):
    id: int
    person_id: int
    related_person_id: int
    kind: str
    has_parental_responsibility: bool
    start_date: date | None
    end_date: date | None


class Contact(NamedTuple):
    id: int
    child_id: int
    contact_date: date
    source: str
    referrer_relationship: str
    concern: str
    outcome: str
    decision_date: date | None


class CINEpisode(NamedTuple):
    id: int
    child_id: int
    contact_id: int | None
    referral_date: date
    referral_source: str
    primary_need: str
    referral_nfa: bool
    closure_date: date | None
    closure_reason: str


class Assessment(NamedTuple):
    id: int
    episode_id: int
    start_date: date
    child_seen: bool | None
    child_seen_date: date | None
    authorisation_date: date | None
    factors: tuple[str, ...]
    outcome: str
    requires_support: bool | None


class StrategyDiscussion(NamedTuple):
    id: int
    episode_id: int
    discussion_date: date
    section47_agreed: bool


class Section47Enquiry(NamedTuple):
    id: int
    episode_id: int
    strategy_discussion_id: int | None
    start_date: date
    end_date: date | None
    outcome: str
    icpc_not_required: bool


class ChildProtectionPlan(NamedTuple):
    id: int
    episode_id: int
    start_date: date
    end_date: date | None
    initial_category: str
    latest_category: str
    number_of_previous_plans: int | None


class ChildProtectionConference(NamedTuple):
    id: int
    episode_id: int
    section47_id: int | None
    plan_id: int | None
    kind: str
    conference_date: date
    plan_required: bool | None


class CINPlan(NamedTuple):
    id: int
    episode_id: int
    start_date: date
    end_date: date | None


class Visit(NamedTuple):
    id: int
    child_id: int
    kind: str
    visit_date: date
    mode: str
    outcome: str
    child_seen: bool
    seen_alone: bool
    worker_id: int | None
    notes: str


class LookedAfterPeriod(NamedTuple):
    id: int
    child_id: int
    start_date: date
    end_date: date | None


class LookedAfterEpisode(NamedTuple):
    id: int
    period_id: int
    child_id: int
    start_date: date
    reason_new_episode: str
    legal_status: str
    category_of_need: str
    placement_type: str
    placement_provider: str
    home_postcode: str
    placement_postcode: str
    urn: str
    end_date: date | None
    reason_ceased: str
    reason_place_change: str


class LookedAfterReview(NamedTuple):
    id: int
    child_id: int
    period_id: int
    review_date: date
    participation: str


class MissingEpisode(NamedTuple):
    id: int
    child_id: int
    kind: str
    start_date: date
    end_date: date | None
    return_interview_offered: bool | None
    return_interview_accepted: bool | None


class HealthAssessment(NamedTuple):
    id: int
    child_id: int
    kind: str
    assessment_date: date


class CareOutcomes(NamedTuple):
    id: int
    child_id: int
    collection_year: int
    sdq_score: int | None
    sdq_reason: str
    convicted: bool | None
    immunisations_up_to_date: bool | None
    substance_misuse: bool | None
    intervention_received: bool | None
    intervention_offered: bool | None


class CareLeaverRecord(NamedTuple):
    id: int
    child_id: int
    recorded_on: date
    eligibility: str
    in_touch: str
    activity: str
    accommodation: str
    accommodation_suitable: bool | None
    latest_contact_date: date | None
    pathway_plan_date: date | None
    personal_adviser_id: int | None


class AdoptionMilestones(NamedTuple):
    id: int
    child_id: int
    decision_date: date | None
    placement_order_date: date | None
    matched_date: date | None
    placed_date: date | None
    adoption_order_date: date | None
    no_longer_planned_date: date | None
    no_longer_planned_reason: str
    # The adopters (AD1), known once the child is matched; defaults so that records made before
    # these fields existed still build.
    number_of_adopters: int | None = None
    adopters_sex: str = ""
    adopters_legal_status: str = ""


class CaseNote(NamedTuple):
    id: int
    child_id: int
    note_date: date
    title: str
    text: str
    author_id: int | None


class Allocation(NamedTuple):
    id: int
    child_id: int
    team_id: int
    worker_id: int | None
    kind: str
    start_date: date
    end_date: date | None


class CoreGroupMeeting(NamedTuple):
    id: int
    child_id: int
    plan_id: int | None
    meeting_date: date


class PersonalEducationPlanReview(NamedTuple):
    id: int
    child_id: int
    review_date: date


class PathwayPlanReview(NamedTuple):
    id: int
    child_id: int
    review_date: date


class NeedsAssessment(NamedTuple):
    id: int
    child_id: int
    assessment_date: date


class SupervisionSession(NamedTuple):
    id: int
    supervisee_id: int
    supervisor_id: int | None
    session_date: date


class SchoolStatusReport(NamedTuple):
    id: int
    child_id: int
    school: str
    status: str
    status_date: date
    file_name: str
    row_number: int


@dataclass(frozen=True, slots=True, kw_only=True)
class AuthorityRecords:
    """Every table's rows for one authority. A table not given is empty.

    Tables are listed parents first, so inserting them in field order satisfies foreign keys.
    """

    service_areas: tuple[ServiceArea, ...] = ()
    teams: tuple[Team, ...] = ()
    staff: tuple[Staff, ...] = ()
    persons: tuple[Person, ...] = ()
    disabilities: tuple[PersonDisability, ...] = ()
    addresses: tuple[Address, ...] = ()
    households: tuple[Household, ...] = ()
    household_members: tuple[HouseholdMember, ...] = ()
    relationships: tuple[Relationship, ...] = ()
    contacts: tuple[Contact, ...] = ()
    cin_episodes: tuple[CINEpisode, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    strategy_discussions: tuple[StrategyDiscussion, ...] = ()
    section47s: tuple[Section47Enquiry, ...] = ()
    cp_plans: tuple[ChildProtectionPlan, ...] = ()
    conferences: tuple[ChildProtectionConference, ...] = ()
    cin_plans: tuple[CINPlan, ...] = ()
    visits: tuple[Visit, ...] = ()
    care_periods: tuple[LookedAfterPeriod, ...] = ()
    care_episodes: tuple[LookedAfterEpisode, ...] = ()
    care_reviews: tuple[LookedAfterReview, ...] = ()
    missing_episodes: tuple[MissingEpisode, ...] = ()
    health_assessments: tuple[HealthAssessment, ...] = ()
    care_outcomes: tuple[CareOutcomes, ...] = ()
    care_leaver_records: tuple[CareLeaverRecord, ...] = ()
    adoptions: tuple[AdoptionMilestones, ...] = ()
    case_notes: tuple[CaseNote, ...] = ()
    allocations: tuple[Allocation, ...] = ()
    core_groups: tuple[CoreGroupMeeting, ...] = ()
    peps: tuple[PersonalEducationPlanReview, ...] = ()
    pathway_reviews: tuple[PathwayPlanReview, ...] = ()
    school_reports: tuple[SchoolStatusReport, ...] = ()
    supervisions: tuple[SupervisionSession, ...] = ()
    needs_assessments: tuple[NeedsAssessment, ...] = ()


TABLES: tuple[str, ...] = tuple(f.name for f in fields(AuthorityRecords))
"""The table names, parents before children."""


def tables(records: AuthorityRecords) -> dict[str, tuple[NamedTuple, ...]]:
    """Every table of `records` by name, parents before children."""
    return {name: getattr(records, name) for name in TABLES}
