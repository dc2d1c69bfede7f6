"""The child's stage on a date, from the facts of their record (pure Python, no database)."""

from __future__ import annotations

from datetime import date

import pytest

from safeguard.core.journey import (
    JourneyFacts,
    Span,
    Stage,
    age_on,
    stage_on,
    stage_started_on,
)

# One child's whole journey: referral, assessment, child protection plan, then care, then
# leaving care at 18 with a care leaver record.
JOURNEY = JourneyFacts(
    date_of_birth=date(2005, 6, 15),
    episodes=(Span(date(2020, 1, 10), date(2023, 6, 15)),),
    assessments=(Span(date(2020, 1, 13), date(2020, 2, 20)),),
    child_protection_plans=(Span(date(2020, 3, 5), date(2021, 1, 4)),),
    child_in_need_plans=(),
    care_periods=(Span(date(2021, 1, 4), date(2023, 6, 15)),),
    care_leaver_records=(date(2023, 6, 15),),
)


@pytest.mark.parametrize(
    ("as_at", "stage"),
    [
        (date(2019, 12, 31), Stage.CLOSED),  # before anything happened
        (date(2020, 1, 10), Stage.REFERRAL),  # the referral day
        (date(2020, 1, 13), Stage.ASSESSMENT),  # assessment started
        (date(2020, 2, 20), Stage.REFERRAL),  # authorised that day: assessment over, no plan yet
        (date(2020, 3, 5), Stage.CHILD_PROTECTION_PLAN),
        (date(2021, 1, 3), Stage.CHILD_PROTECTION_PLAN),
        (date(2021, 1, 4), Stage.LOOKED_AFTER),  # plan ends the day care starts
        (date(2023, 6, 14), Stage.LOOKED_AFTER),
        (date(2023, 6, 15), Stage.CARE_LEAVER),  # left care at 18
        (date(2030, 6, 14), Stage.CARE_LEAVER),  # still 24
        (date(2030, 6, 15), Stage.CLOSED),  # 25th birthday: support ends
    ],
)
def test_stage_along_a_whole_journey(as_at, stage):
    assert stage_on(JOURNEY, as_at) is stage


def test_child_in_need_plan_is_its_own_stage():
    facts = JourneyFacts(
        episodes=(Span(date(2024, 1, 1)),),
        child_in_need_plans=(Span(date(2024, 3, 1)),),
    )
    assert stage_on(facts, date(2024, 2, 1)) is Stage.REFERRAL
    assert stage_on(facts, date(2024, 3, 1)) is Stage.CHILD_IN_NEED_PLAN


def test_a_closed_episode_is_closed():
    facts = JourneyFacts(episodes=(Span(date(2024, 1, 1), date(2024, 2, 1)),))
    assert stage_on(facts, date(2024, 2, 1)) is Stage.CLOSED


def test_the_most_intensive_open_involvement_wins():
    facts = JourneyFacts(
        episodes=(Span(date(2024, 1, 1)),),
        child_protection_plans=(Span(date(2024, 2, 1)),),
        child_in_need_plans=(Span(date(2024, 1, 15)),),
        care_periods=(Span(date(2024, 3, 1)),),
    )
    assert stage_on(facts, date(2024, 2, 15)) is Stage.CHILD_PROTECTION_PLAN
    assert stage_on(facts, date(2024, 3, 1)) is Stage.LOOKED_AFTER


def test_a_care_leaver_record_without_having_left_care_is_not_a_care_leaver():
    facts = JourneyFacts(care_leaver_records=(date(2024, 1, 1),))
    assert stage_on(facts, date(2024, 6, 1)) is Stage.CLOSED


def test_events_after_as_at_are_ignored():
    facts = JourneyFacts(care_periods=(Span(date(2025, 1, 1)),))
    assert stage_on(facts, date(2024, 12, 31)) is Stage.CLOSED


def test_stage_started_on_is_the_start_of_the_open_span():
    assert stage_started_on(JOURNEY, date(2022, 1, 1)) == date(2021, 1, 4)
    assert stage_started_on(JOURNEY, date(2024, 1, 1)) is None  # care leaver: no span


@pytest.mark.parametrize(
    ("born", "as_at", "age"),
    [
        (date(2010, 3, 1), date(2024, 2, 29), 13),
        (date(2010, 3, 1), date(2024, 3, 1), 14),
        (date(2012, 2, 29), date(2024, 2, 28), 11),
    ],
)
def test_age_on(born, as_at, age):
    assert age_on(born, as_at) == age
