"""Give a test child a record with every kind of event, so pages and chronology have work to do."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from safeguard.web.casework.models import Person
from safeguard.web.workforce.models import Staff
from tests import factories as f


def give_whole_journey(child: Person, worker: Staff | None, *, repeats: int = 1) -> None:
    """Contact to care leaver: one of everything, `repeats` times, all in the past."""
    today = timezone.localdate()
    for n in range(repeats):
        back = timedelta(days=400 * n)
        f.ContactFactory(child=child, contact_date=today - timedelta(days=300) - back)
        episode = f.CINEpisodeFactory(
            child=child,
            referral_date=today - timedelta(days=299) - back,
            closure_date=(today - timedelta(days=20) - back) if n else None,
        )
        f.AssessmentFactory(episode=episode, start_date=today - timedelta(days=298) - back)
        strategy = f.StrategyDiscussionFactory(
            episode=episode, discussion_date=today - timedelta(days=270) - back
        )
        s47 = f.Section47EnquiryFactory(
            episode=episode,
            strategy_discussion=strategy,
            start_date=today - timedelta(days=269) - back,
            end_date=today - timedelta(days=260) - back,
        )
        plan = f.ChildProtectionPlanFactory(
            episode=episode,
            start_date=today - timedelta(days=255) - back,
            end_date=today - timedelta(days=150) - back,
        )
        f.ChildProtectionConferenceFactory(
            episode=episode, section47=s47, plan=plan, conference_date=plan.start_date
        )
        f.CINPlanFactory(
            episode=episode,
            start_date=today - timedelta(days=149) - back,
            end_date=today - timedelta(days=120) - back,
        )
        period = f.LookedAfterPeriodFactory(
            child=child,
            start_date=today - timedelta(days=120) - back,
            end_date=(today - timedelta(days=30) - back) if n else None,
        )
        moved = today - timedelta(days=60) - back
        f.LookedAfterEpisodeFactory(period=period, end_date=moved, reason_ceased="X1")
        f.LookedAfterEpisodeFactory(
            period=period,
            start_date=moved,
            end_date=period.end_date,
            reason_ceased="E11" if period.end_date else "",
            reason_new_episode="P",
            placement_type="U4",
            reason_place_change="CARPL",
        )
        f.LookedAfterReviewFactory(period=period, review_date=today - timedelta(days=100) - back)
        f.MissingEpisodeFactory(child=child, start_date=today - timedelta(days=50) - back)
        f.HealthAssessmentFactory(child=child, assessment_date=today - timedelta(days=90) - back)
        f.CareLeaverRecordFactory(child=child, recorded_on=today - timedelta(days=25) - back)
        f.AdoptionMilestonesFactory(child=child, decision_date=today - timedelta(days=80) - back)
        for days in (3, 17, 31):
            f.VisitFactory(
                child=child, worker=worker, visit_date=today - timedelta(days=days) - back
            )
        f.CaseNoteFactory(child=child, note_date=today - timedelta(days=7) - back)
    mother = f.PersonFactory(first_name="Maud", last_name="Parentis", date_of_birth=None)
    f.RelationshipFactory(person=child, related_person=mother, has_parental_responsibility=True)
    household = f.HouseholdFactory(name="Home")
    f.HouseholdMemberFactory(household=household, person=child)
    f.HouseholdMemberFactory(household=household, person=mother)
    f.HouseholdMemberFactory(
        household=household,
        person=None,
        is_unknown_adult=True,
        description="Man seen at the door",
    )
    f.AddressFactory(person=child)
