"""factory_boy factories for Safeguard's models.

Every casework row is `Recorded`: it needs who created and changed it, and when. The factories
record rows as the one system user, as imports and synthetic data do. Dates default to recent
days relative to the real today, since the web layer asks `timezone.localdate()`.
"""

from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone

from safeguard.web.access.models import AccessGrant, User
from safeguard.web.casework import models as casework
from safeguard.web.workforce.models import ServiceArea, Staff, Team


def days_ago(days: int):
    return factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=days))


class UserFactory(factory.django.DjangoModelFactory):
    """A person who signs in. No password by default (hashing with Argon2 is deliberately slow)."""

    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    role = User.Role.SOCIAL_WORKER
    password = factory.django.Password(None)  # unusable: these users sign in by force_login


class SystemUserFactory(UserFactory):
    username = "system"
    role = User.Role.SYSTEM


class RecordedFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    created_at = factory.LazyFunction(timezone.now)
    created_by = factory.SubFactory(SystemUserFactory)
    updated_at = factory.SelfAttribute("created_at")
    updated_by = factory.SelfAttribute("created_by")


class ServiceAreaFactory(RecordedFactory):
    class Meta:
        model = ServiceArea

    name = factory.Sequence(lambda n: f"Service area {n}")


class TeamFactory(RecordedFactory):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Team {n}")
    service_area = factory.SubFactory(ServiceAreaFactory)
    kind = Team.Kind.CHILD_IN_NEED
    establishment_fte = 8


class StaffFactory(RecordedFactory):
    class Meta:
        model = Staff

    staff_id = factory.Sequence(lambda n: f"S{n:05d}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    role = Staff.Role.SOCIAL_WORKER
    contract = Staff.Contract.PERMANENT
    team = factory.SubFactory(TeamFactory)
    start_date = days_ago(900)


class PersonFactory(RecordedFactory):
    class Meta:
        model = casework.Person

    la_person_id = factory.Sequence(lambda n: f"C{n:07d}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    date_of_birth = days_ago(9 * 365)
    sex = casework.Person.Sex.FEMALE


class PersonDisabilityFactory(RecordedFactory):
    class Meta:
        model = casework.PersonDisability

    person = factory.SubFactory(PersonFactory)
    code = "MOB"


class AllocationFactory(RecordedFactory):
    class Meta:
        model = casework.Allocation

    child = factory.SubFactory(PersonFactory)
    worker = factory.SubFactory(StaffFactory)
    team = factory.LazyAttribute(lambda o: o.worker.team if o.worker else TeamFactory())
    start_date = days_ago(200)


class AddressFactory(RecordedFactory):
    class Meta:
        model = casework.Address

    person = factory.SubFactory(PersonFactory)
    line_1 = "1 Example Street"
    town = "Exampleton"
    postcode = "B1 1AA"
    start_date = days_ago(800)


class HouseholdFactory(RecordedFactory):
    class Meta:
        model = casework.Household

    name = factory.Sequence(lambda n: f"Household {n}")


class HouseholdMemberFactory(RecordedFactory):
    class Meta:
        model = casework.HouseholdMember

    household = factory.SubFactory(HouseholdFactory)
    person = factory.SubFactory(PersonFactory)
    start_date = days_ago(800)


class RelationshipFactory(RecordedFactory):
    class Meta:
        model = casework.Relationship

    person = factory.SubFactory(PersonFactory)
    related_person = factory.SubFactory(PersonFactory)
    kind = casework.Relationship.Kind.MOTHER
    has_parental_responsibility = True


class ContactFactory(RecordedFactory):
    class Meta:
        model = casework.Contact

    child = factory.SubFactory(PersonFactory)
    contact_date = days_ago(190)
    source = "1A"
    outcome = casework.Contact.Outcome.REFERRAL
    decision_date = days_ago(189)


class CINEpisodeFactory(RecordedFactory):
    class Meta:
        model = casework.CINEpisode

    child = factory.SubFactory(PersonFactory)
    referral_date = days_ago(180)
    referral_source = "1A"
    primary_need = "N1"


class AssessmentFactory(RecordedFactory):
    class Meta:
        model = casework.Assessment

    episode = factory.SubFactory(CINEpisodeFactory)
    start_date = days_ago(178)
    authorisation_date = days_ago(150)
    child_seen = True
    outcome = casework.Assessment.Outcome.STRATEGY_DISCUSSION
    factors = factory.LazyFunction(lambda: ["2B", "3A"])


class StrategyDiscussionFactory(RecordedFactory):
    class Meta:
        model = casework.StrategyDiscussion

    episode = factory.SubFactory(CINEpisodeFactory)
    discussion_date = days_ago(149)


class Section47EnquiryFactory(RecordedFactory):
    class Meta:
        model = casework.Section47Enquiry

    episode = factory.SubFactory(CINEpisodeFactory)
    start_date = days_ago(148)
    end_date = days_ago(140)
    outcome = casework.Section47Enquiry.Outcome.ICPC


class ChildProtectionPlanFactory(RecordedFactory):
    class Meta:
        model = casework.ChildProtectionPlan

    episode = factory.SubFactory(CINEpisodeFactory)
    start_date = days_ago(130)
    initial_category = "NEG"
    latest_category = "NEG"


class ChildProtectionConferenceFactory(RecordedFactory):
    class Meta:
        model = casework.ChildProtectionConference

    episode = factory.SubFactory(CINEpisodeFactory)
    kind = casework.ChildProtectionConference.Kind.INITIAL
    conference_date = days_ago(130)
    plan_required = True


class CINPlanFactory(RecordedFactory):
    class Meta:
        model = casework.CINPlan

    episode = factory.SubFactory(CINEpisodeFactory)
    start_date = days_ago(100)


class VisitFactory(RecordedFactory):
    class Meta:
        model = casework.Visit

    child = factory.SubFactory(PersonFactory)
    kind = casework.Visit.Kind.CHILD_PROTECTION
    visit_date = days_ago(10)
    child_seen = True
    seen_alone = True


class LookedAfterPeriodFactory(RecordedFactory):
    class Meta:
        model = casework.LookedAfterPeriod

    child = factory.SubFactory(PersonFactory)
    start_date = days_ago(90)


class LookedAfterEpisodeFactory(RecordedFactory):
    class Meta:
        model = casework.LookedAfterEpisode

    period = factory.SubFactory(LookedAfterPeriodFactory)
    child = factory.SelfAttribute("period.child")
    start_date = factory.SelfAttribute("period.start_date")
    reason_new_episode = "S"
    legal_status = "C2"
    category_of_need = "N1"
    placement_type = "U1"
    placement_provider = "PR1"


class LookedAfterReviewFactory(RecordedFactory):
    class Meta:
        model = casework.LookedAfterReview

    period = factory.SubFactory(LookedAfterPeriodFactory)
    child = factory.SelfAttribute("period.child")
    review_date = days_ago(70)
    participation = "PN1"


class MissingEpisodeFactory(RecordedFactory):
    class Meta:
        model = casework.MissingEpisode

    child = factory.SubFactory(PersonFactory)
    kind = casework.MissingEpisode.Kind.MISSING
    start_date = days_ago(40)
    end_date = days_ago(39)
    return_interview_offered = True


class HealthAssessmentFactory(RecordedFactory):
    class Meta:
        model = casework.HealthAssessment

    child = factory.SubFactory(PersonFactory)
    kind = casework.HealthAssessment.Kind.INITIAL
    assessment_date = days_ago(60)


class CareLeaverRecordFactory(RecordedFactory):
    class Meta:
        model = casework.CareLeaverRecord

    child = factory.SubFactory(PersonFactory)
    recorded_on = days_ago(30)
    eligibility = casework.CareLeaverRecord.Eligibility.FORMER_RELEVANT
    in_touch = "YES"
    activity = "F1"
    accommodation = "B"
    accommodation_suitable = True


class AdoptionMilestonesFactory(RecordedFactory):
    class Meta:
        model = casework.AdoptionMilestones

    child = factory.SubFactory(PersonFactory)
    decision_date = days_ago(50)
    placement_order_date = days_ago(20)


class CaseNoteFactory(RecordedFactory):
    class Meta:
        model = casework.CaseNote

    child = factory.SubFactory(PersonFactory)
    note_date = days_ago(5)
    title = "Phone call with school"
    text = "School reports good attendance this week."


class AccessGrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccessGrant

    user = factory.SubFactory(UserFactory)
    child = factory.SubFactory(PersonFactory)
    reason = "Allocated worker for a restricted record"
    granted_by = factory.SubFactory(UserFactory, role=User.Role.DIRECTOR)
    granted_at = factory.LazyFunction(timezone.now)
