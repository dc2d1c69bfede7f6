"""The child's stage in their journey on a given date, worked out from the facts of their record.

Pure Python: the web layer reads the facts from the database and passes them in with `as_at`.
A span is open on `as_at` when it started on or before that day and has not ended by it (a plan
that ends on a day is no longer open on that day).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

# Care leavers are entitled to a personal adviser until 25 (Children and Social Work Act 2017 s3).
CARE_LEAVER_SUPPORT_ENDS_AT_AGE = 25


class Stage(StrEnum):
    """Where a child is in the journey, most intensive first."""

    LOOKED_AFTER = "looked_after"
    CHILD_PROTECTION_PLAN = "child_protection_plan"
    CHILD_IN_NEED_PLAN = "child_in_need_plan"
    ASSESSMENT = "assessment"
    REFERRAL = "referral"
    CARE_LEAVER = "care_leaver"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return STAGE_LABELS[self]


STAGE_LABELS: dict[Stage, str] = {
    Stage.LOOKED_AFTER: "Looked after",
    Stage.CHILD_PROTECTION_PLAN: "Child protection plan",
    Stage.CHILD_IN_NEED_PLAN: "Child in need plan",
    Stage.ASSESSMENT: "Assessment",
    Stage.REFERRAL: "Referral",
    Stage.CARE_LEAVER: "Care leaver",
    Stage.CLOSED: "Closed",
}


@dataclass(frozen=True)
class Span:
    """Something with a start and, once it has finished, an end."""

    start: date
    end: date | None = None

    def is_open_on(self, as_at: date) -> bool:
        return self.start <= as_at and (self.end is None or self.end > as_at)


@dataclass(frozen=True)
class JourneyFacts:
    """The dated facts of one child's record that decide their stage.

    `episodes` are referrals (CIN episodes: referral date to closure date); `assessments` run from
    start to authorisation; `care_leaver_records` are the dates care leaver records describe.
    """

    date_of_birth: date | None = None
    episodes: tuple[Span, ...] = ()
    assessments: tuple[Span, ...] = ()
    child_protection_plans: tuple[Span, ...] = ()
    child_in_need_plans: tuple[Span, ...] = ()
    care_periods: tuple[Span, ...] = ()
    care_leaver_records: tuple[date, ...] = field(default=())


def _open(spans: Iterable[Span], as_at: date) -> list[Span]:
    return [span for span in spans if span.is_open_on(as_at)]


def age_on(date_of_birth: date, as_at: date) -> int:
    """Whole years of age on `as_at`."""
    had_birthday = (as_at.month, as_at.day) >= (date_of_birth.month, date_of_birth.day)
    return as_at.year - date_of_birth.year - (0 if had_birthday else 1)


def stage_on(facts: JourneyFacts, as_at: date) -> Stage:
    """The child's stage on `as_at`: the most intensive involvement open that day.

    Looked after beats a child protection plan, which beats a child in need plan, then an open
    assessment, then an open referral. A young person who has left care and has a care leaver
    record is a care leaver until 25. Otherwise the case is closed.
    """
    if _open(facts.care_periods, as_at):
        return Stage.LOOKED_AFTER
    if _open(facts.child_protection_plans, as_at):
        return Stage.CHILD_PROTECTION_PLAN
    if _open(facts.child_in_need_plans, as_at):
        return Stage.CHILD_IN_NEED_PLAN
    if _open(facts.assessments, as_at):
        return Stage.ASSESSMENT
    if _open(facts.episodes, as_at):
        return Stage.REFERRAL
    if _is_care_leaver(facts, as_at):
        return Stage.CARE_LEAVER
    return Stage.CLOSED


def _is_care_leaver(facts: JourneyFacts, as_at: date) -> bool:
    left_care = any(span.end is not None and span.end <= as_at for span in facts.care_periods)
    has_record = any(recorded <= as_at for recorded in facts.care_leaver_records)
    if not (left_care and has_record):
        return False
    if facts.date_of_birth is None:
        return True
    return age_on(facts.date_of_birth, as_at) < CARE_LEAVER_SUPPORT_ENDS_AT_AGE


def stage_started_on(facts: JourneyFacts, as_at: date) -> date | None:
    """When the child's current stage began (the latest start of the open span), if it has one."""
    stage = stage_on(facts, as_at)
    spans = {
        Stage.LOOKED_AFTER: facts.care_periods,
        Stage.CHILD_PROTECTION_PLAN: facts.child_protection_plans,
        Stage.CHILD_IN_NEED_PLAN: facts.child_in_need_plans,
        Stage.ASSESSMENT: facts.assessments,
        Stage.REFERRAL: facts.episodes,
    }.get(stage)
    if spans is None:
        return None
    return max(span.start for span in _open(spans, as_at))
