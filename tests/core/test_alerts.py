"""Every gap alert fires on a child built to trigger it, and on none built not to."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import pytest

from safeguard.core.timescales import Alert, Records, apply_overrides, gap_alerts
from safeguard.core.timescales import facts as f
from safeguard.synth import generate
from safeguard.synth.records import SynthAuthority
from safeguard.synth.timescale_facts import records_from_authority

AS_AT = date(2026, 11, 20)
CHILD, TEAM, WORKER = 4, 9, 90
START = date(2026, 5, 4)


def days(n: int) -> date:
    return AS_AT - timedelta(days=n)


def child_on_plan(**more: object) -> Records:
    """A ten-year-old on a child protection plan since May 2026, seen alone a week ago."""
    tables: dict[str, object] = {
        "children": (f.Child(CHILD, date(2016, 3, 1)),),
        "allocations": (f.OpenAllocation(CHILD, TEAM, WORKER, START),),
        "episodes": (f.EpisodeRow(10, CHILD, date(2026, 4, 1), False, None),),
        "plans": (f.PlanRow(20, 10, START, None),),
        "conferences": (f.ConferenceRow(10, None, "initial", START),),
        "visits": (f.VisitRow(CHILD, days(7), "completed", True, True),),
    }
    return Records(**{**tables, **more})  # type: ignore[arg-type]


def fired(recs: Records, alert_id: str, **kw: object) -> list[Alert]:
    return [a for a in gap_alerts(recs, as_at=AS_AT, **kw) if a.alert_id == alert_id]  # type: ignore[arg-type]


def seen(n: int, alone: bool) -> f.VisitRow:
    return f.VisitRow(CHILD, days(n), "completed", True, alone)


def test_the_plain_child_raises_no_alert() -> None:
    assert gap_alerts(child_on_plan(), as_at=AS_AT) == []


def test_not_seen_as_often_as_the_plan_requires() -> None:
    stale = child_on_plan(visits=(seen(40, True),))
    [alert] = fired(stale, "not_seen")
    assert alert.worker_id == WORKER and alert.team_id == TEAM
    assert "last seen 11 Oct 2026" in alert.explanation and "CP visit due" in alert.explanation
    assert fired(child_on_plan(), "not_seen") == []


def test_not_seen_alone_at_the_last_three_visits() -> None:
    never_alone = child_on_plan(
        visits=(seen(30, True), seen(20, False), seen(10, False), seen(2, False))
    )
    assert len(fired(never_alone, "not_seen_alone")) == 1
    once_alone = child_on_plan(visits=(seen(20, False), seen(10, True), seen(2, False)))
    assert fired(once_alone, "not_seen_alone") == []
    baby = child_on_plan(
        children=(f.Child(CHILD, date(2024, 1, 1)),),
        visits=(seen(20, False), seen(10, False), seen(2, False)),
    )
    assert fired(baby, "not_seen_alone") == []


def test_repeated_no_access_or_refused_visits() -> None:
    tried = (
        seen(3, True),
        f.VisitRow(CHILD, days(10), "no_access", False, False),
        f.VisitRow(CHILD, days(40), "refused", False, False),
    )
    [alert] = fired(child_on_plan(visits=tried), "no_access")
    assert "no access" in alert.explanation and "refused" in alert.explanation
    assert fired(child_on_plan(visits=tried[:2]), "no_access") == []
    old = (
        seen(3, True),
        *(f.VisitRow(CHILD, days(200 + k), "refused", False, False) for k in (0, 9)),
    )
    assert fired(child_on_plan(visits=old), "no_access") == []


def contact(n: int, source: str, outcome: str, cid: int) -> f.ContactRow:
    return f.ContactRow(cid, CHILD, days(n), source, outcome, days(n))


def test_three_contacts_in_a_year_counting_family_and_nfa_after_them() -> None:
    three = (contact(300, "1A", "information", 1), contact(100, "1A", "information", 2))
    recs = child_on_plan(contacts=(*three, contact(30, "2A", "nfa", 3)))
    [alert] = fired(recs, "repeat_referrals")
    assert "3 contacts" in alert.explanation and "2 from family members" in alert.explanation
    [nfa] = fired(recs, "nfa_after_referrals")
    assert "closed with no further action after 2 earlier contacts" in nfa.explanation
    two = child_on_plan(
        contacts=(contact(100, "1A", "information", 2), contact(30, "2A", "nfa", 3))
    )
    assert fired(two, "repeat_referrals") == [] and fired(two, "nfa_after_referrals") == []
    spread = child_on_plan(
        contacts=(
            contact(700, "1A", "information", 1),
            contact(500, "1A", "information", 2),
            contact(30, "1A", "nfa", 3),
        )
    )
    assert fired(spread, "repeat_referrals") == [] and fired(spread, "nfa_after_referrals") == []


def test_repeated_domestic_abuse_notifications() -> None:
    police = (contact(200, "6", "information", 1), contact(20, "6", "information", 2))
    abuse = (f.AssessmentRow(10, date(2026, 4, 2), date(2026, 4, 30), ("3B", "4B")),)
    [alert] = fired(child_on_plan(contacts=police, assessments=abuse), "domestic_abuse")
    assert "2 police notifications" in alert.explanation and "3B" in alert.explanation
    none_known = (f.AssessmentRow(10, date(2026, 4, 2), date(2026, 4, 30), ("4B",)),)
    assert fired(child_on_plan(contacts=police, assessments=none_known), "domestic_abuse") == []
    assert fired(child_on_plan(contacts=police[1:], assessments=abuse), "domestic_abuse") == []


def test_unknown_adult_in_the_household() -> None:
    now = (
        f.HouseholdRow(50, CHILD, False, date(2020, 1, 1), None),
        f.HouseholdRow(50, None, True, days(40), None),
    )
    [alert] = fired(child_on_plan(household=now), "unknown_adult")
    assert "since 11 Oct 2026" in alert.explanation
    left = (now[0], f.HouseholdRow(50, None, True, days(400), days(300)))
    assert fired(child_on_plan(household=left), "unknown_adult") == []
    elsewhere = (now[0], f.HouseholdRow(51, None, True, days(40), None))
    assert fired(child_on_plan(household=elsewhere), "unknown_adult") == []


def test_school_feed_reports_home_education_or_missing_education() -> None:
    ehe = (f.SchoolStatusRow(CHILD, "ehe", days(10), "Hillside Academy"),)
    [alert] = fired(child_on_plan(school_statuses=ehe), "school_status")
    assert "Hillside Academy" in alert.explanation and "home education" in alert.explanation
    back = (*ehe, f.SchoolStatusRow(CHILD, "on_roll", days(5), "Hillside Academy"))
    assert fired(child_on_plan(school_statuses=back), "school_status") == []
    # A recently closed episode still counts; one closed years ago does not.
    recent = child_on_plan(
        allocations=(),
        plans=(),
        episodes=(f.EpisodeRow(10, CHILD, date(2026, 1, 5), False, days(60)),),
        school_statuses=ehe,
    )
    assert len(fired(recent, "school_status")) == 1
    long_ago = child_on_plan(
        allocations=(),
        plans=(),
        episodes=(f.EpisodeRow(10, CHILD, date(2022, 1, 5), False, date(2023, 1, 1)),),
        school_statuses=ehe,
    )
    assert fired(long_ago, "school_status") == []


def test_thresholds_are_configurable() -> None:
    tried = (seen(3, True), f.VisitRow(CHILD, days(10), "no_access", False, False))
    strict = apply_overrides({"alert:no_access": 1})
    assert len(fired(child_on_plan(visits=tried), "no_access", settings=strict)) == 1


@cache
def demo() -> SynthAuthority:
    return generate("demo", 3, 1, AS_AT)


def test_the_synthetic_authority_has_built_children_for_every_alert() -> None:
    a = demo()
    alert_ids = {c.alert_id for c in a.alert_cases}
    assert alert_ids == {
        "not_seen",
        "not_seen_alone",
        "no_access",
        "repeat_referrals",
        "nfa_after_referrals",
        "domestic_abuse",
        "unknown_adult",
        "school_status",
    }
    assert {c.fires for c in a.alert_cases} == {True, False}


@pytest.mark.parametrize("as_at", [AS_AT])
def test_alerts_fire_on_the_built_synthetic_children_and_not_on_the_controls(as_at: date) -> None:
    a = demo()
    alerts = gap_alerts(records_from_authority(a), as_at=as_at)
    got = {(x.child_id, x.alert_id) for x in alerts}
    for case in a.alert_cases:
        assert ((case.child_id, case.alert_id) in got) == case.fires, case
