"""Every timescale rule, worked by hand across Christmas, Easter, a year end and substitute days.

Each case counts the days in a comment; the event day is day 0. Bank holidays used: Christmas
2021 (Sat 25 and Sun 26 Dec, substitutes Mon 27 and Tue 28 Dec; New Year Sat 1 Jan 2022,
substitute Mon 3 Jan), Easter 2026 (Good Friday 3 Apr, Easter Monday 6 Apr), Christmas 2026
(Fri 25 Dec; Boxing Day Sat 26 Dec, substitute Mon 28 Dec), New Year's Day Fri 1 Jan 2027.
"""

from __future__ import annotations

from datetime import date

from safeguard.core.timescales import RULES, Records, Status, WorkItem, computable, work_items
from safeguard.core.timescales import facts as f
from safeguard.core.timescales.intervals import Interval, Unit, add_interval, add_terms

CHILD = 1
TEAM, WORKER = 7, 70


def records(**tables: object) -> Records:
    base: dict[str, object] = {
        "children": (f.Child(CHILD, date(2015, 6, 1)),),
        "allocations": (f.OpenAllocation(CHILD, TEAM, WORKER, date(2020, 1, 1)),),
    }
    base.update(tables)
    return Records(**base)  # type: ignore[arg-type]


def items_for(rule_id: str, recs: Records, as_at: date) -> list[WorkItem]:
    return [i for i in work_items(recs, as_at=as_at) if i.rule_id == rule_id]


def only(rule_id: str, recs: Records, as_at: date) -> WorkItem:
    found = [i for i in items_for(rule_id, recs, as_at) if i.status.is_open]
    assert len(found) == 1, found
    return found[0]


def test_referral_decision_over_christmas_2026_substitute_boxing_day() -> None:
    # Contact Thu 24 Dec 2026: Fri 25 Christmas, Sat/Sun, Mon 28 substitute Boxing Day,
    # so the one working day is Tue 29 Dec.
    recs = records(contacts=(f.ContactRow(5, CHILD, date(2026, 12, 24), "1A", "", None),))
    item = only("referral_decision", recs, date(2026, 12, 24))
    assert item.due == date(2026, 12, 29)
    assert item.status is Status.DUE_SOON
    assert item.worker_id == WORKER and item.team_id == TEAM
    assert item.statutory and item.source == "Working Together 2023"


def test_assessment_45_working_days_across_christmas_and_year_end() -> None:
    # Referral Mon 1 Dec 2025: Dec 2-5 (4), 8-12 (9), 15-19 (14), 22-24 (17), 25-26 holidays,
    # 29-31 (20), 1 Jan holiday, Fri 2 Jan (21), Jan 5-9 (26), 12-16 (31), 19-23 (36),
    # 26-30 (41), Feb 2-5 (45): Thu 5 Feb 2026.
    recs = records(episodes=(f.EpisodeRow(10, CHILD, date(2025, 12, 1), False, None),))
    assert only("assessment", recs, date(2026, 1, 5)).due == date(2026, 2, 5)


def test_icpc_15_working_days_across_easter_2026() -> None:
    # Strategy discussion Mon 23 Mar 2026: Mar 24-27 (4), Mar 30-Apr 2 (8), Good Friday and
    # Easter Monday, Apr 7-10 (12), Apr 13-15 (15): Wed 15 Apr 2026.
    recs = records(
        episodes=(f.EpisodeRow(10, CHILD, date(2026, 3, 20), False, None),),
        section47s=(f.Section47Row(10, date(2026, 3, 23), None, "", False),),
    )
    item = only("icpc", recs, date(2026, 4, 1))
    assert item.due == date(2026, 4, 15)
    assert item.explanation == (
        "ICPC due 15 Apr 2026: 15 working days after the strategy discussion on 23 Mar 2026 "
        "(Working Together 2023)"
    )


def test_icpc_not_due_when_the_enquiry_ends_without_one() -> None:
    recs = records(
        episodes=(f.EpisodeRow(10, CHILD, date(2026, 3, 20), False, None),),
        section47s=(f.Section47Row(10, date(2026, 3, 23), date(2026, 4, 1), "nfa", True),),
    )
    assert items_for("icpc", recs, date(2026, 4, 20)) == []


def cp_plan(start: date, *conferences: f.ConferenceRow) -> dict[str, object]:
    return {
        "episodes": (f.EpisodeRow(10, CHILD, date(2025, 10, 1), False, None),),
        "plans": (f.PlanRow(20, 10, start, None),),
        "conferences": (f.ConferenceRow(10, None, "initial", start), *conferences),
    }


def test_review_conference_3_months_then_6_months() -> None:
    # ICPC Sun 30 Nov 2025 (a made-up Sunday to test month ends): 3 months is 28 Feb 2026
    # (February has no 30th); a review on 28 Feb 2026 makes the next due 28 Aug 2026.
    recs = records(**cp_plan(date(2025, 11, 30)))
    assert only("rcpc", recs, date(2026, 1, 10)).due == date(2026, 2, 28)
    review = f.ConferenceRow(10, 20, "review", date(2026, 2, 28))
    recs = records(**cp_plan(date(2025, 11, 30), review))
    assert only("rcpc", recs, date(2026, 3, 10)).due == date(2026, 8, 28)
    done = [i for i in items_for("rcpc", recs, date(2026, 3, 10)) if i.done_on]
    assert [(i.due, i.status) for i in done] == [(date(2026, 2, 28), Status.DONE_ON_TIME)]


def test_cp_visits_every_10_working_days_over_christmas_2026_and_new_year_2027() -> None:
    # ICPC Fri 18 Dec 2026: Dec 21-24 (4), 25 and 28 holidays, 29-31 (7), Fri 1 Jan 2027
    # holiday, Jan 4-6 (10): Wed 6 Jan 2027.
    recs = records(**cp_plan(date(2026, 12, 18)))
    assert only("cp_visit", recs, date(2026, 12, 21)).due == date(2027, 1, 6)
    # Seen on Tue 5 Jan 2027: the next is 10 working days later, Tue 19 Jan 2027.
    seen = (f.VisitRow(CHILD, date(2027, 1, 5), "completed", True, True),)
    recs = records(**cp_plan(date(2026, 12, 18)), visits=seen)
    assert only("cp_visit", recs, date(2027, 1, 6)).due == date(2027, 1, 19)


def test_a_visit_without_access_does_not_count() -> None:
    tried = (f.VisitRow(CHILD, date(2027, 1, 5), "no_access", False, False),)
    recs = records(**cp_plan(date(2026, 12, 18)), visits=tried)
    item = only("cp_visit", recs, date(2027, 1, 7))
    assert item.due == date(2027, 1, 6) and item.status is Status.OVERDUE


def test_first_core_group_across_christmas_2021_substitutes_then_4_weekly() -> None:
    # ICPC Thu 23 Dec 2021: Fri 24 (1), Mon 27 and Tue 28 substitutes, Dec 29-31 (4),
    # Mon 3 Jan 2022 substitute, Jan 4-7 (8), Jan 10-11 (10): Tue 11 Jan 2022.
    start = date(2021, 12, 23)
    recs = records(**cp_plan(start))
    assert only("first_core_group", recs, date(2022, 1, 4)).due == date(2022, 1, 11)
    met = (f.ChildDate(CHILD, date(2022, 1, 10)),)
    recs = records(**cp_plan(start), core_groups=met)
    first = items_for("first_core_group", recs, date(2022, 1, 12))
    assert [(i.status, i.done_on) for i in first] == [(Status.DONE_ON_TIME, date(2022, 1, 10))]
    assert only("core_group", recs, date(2022, 1, 12)).due == date(2022, 2, 7)


def care(start: date, dob: date = date(2015, 6, 1), **more: object) -> Records:
    tables: dict[str, object] = {
        "children": (f.Child(CHILD, dob),),
        "care_periods": (f.CarePeriodRow(30, CHILD, start, None),),
        "care_episodes": (f.CareEpisodeRow(CHILD, 30, start, "S"),),
    }
    return records(**{**tables, **more})


def test_looked_after_reviews_20_working_days_then_3_then_6_months() -> None:
    # Looked after from Mon 14 Dec 2026: Dec 15-18 (4), 21-24 (8), 25 and 28 holidays,
    # 29-31 (11), 1 Jan holiday, Jan 4-8 (16), Jan 11-14 (20): Thu 14 Jan 2027.
    start = date(2026, 12, 14)
    assert only("cla_review", care(start), date(2027, 1, 4)).due == date(2027, 1, 14)
    first = (f.ReviewRow(CHILD, 30, date(2027, 1, 12)),)
    assert only("cla_review", care(start, reviews=first), date(2027, 2, 1)).due == date(2027, 4, 12)
    both = (*first, f.ReviewRow(CHILD, 30, date(2027, 4, 1)))
    assert only("cla_review", care(start, reviews=both), date(2027, 4, 2)).due == date(2027, 10, 1)


def test_looked_after_visits_reg_28() -> None:
    start = date(2026, 6, 1)
    # Within a week of the placement starting.
    assert only("cla_visit", care(start), date(2026, 6, 2)).due == date(2026, 6, 8)
    # Then at most six-weekly.
    seen = (f.VisitRow(CHILD, date(2026, 6, 5), "completed", True, True),)
    assert only("cla_visit", care(start, visits=seen), date(2026, 6, 10)).due == date(2026, 7, 17)
    # A new placement brings the next visit forward to within a week of the move.
    moved = care(
        start,
        visits=seen,
        care_episodes=(
            f.CareEpisodeRow(CHILD, 30, start, "S"),
            f.CareEpisodeRow(CHILD, 30, date(2026, 7, 1), "P"),
        ),
    )
    item = only("cla_visit", moved, date(2026, 7, 2))
    assert item.due == date(2026, 7, 8)
    assert "after the placement started on 1 Jul 2026" in item.explanation


def test_looked_after_visits_3_monthly_after_a_year_when_intended_to_last_until_18() -> None:
    start = date(2025, 1, 6)
    seen = (f.VisitRow(CHILD, date(2026, 2, 2), "completed", True, True),)
    settled = (f.LongTermPlacement(CHILD, 30, date(2025, 3, 1)),)
    assert only("cla_visit", care(start, visits=seen), date(2026, 2, 3)).due == date(2026, 3, 16)
    recs = care(start, visits=seen, long_term_placements=settled)
    assert only("cla_visit", recs, date(2026, 2, 3)).due == date(2026, 5, 2)


def test_initial_health_assessment_20_working_days_across_easter_2026() -> None:
    # Looked after Mon 30 Mar 2026: Mar 31-Apr 2 (3), Good Friday, Easter Monday, Apr 7-10 (7),
    # Apr 13-17 (12), Apr 20-24 (17), Apr 27-29 (20): Wed 29 Apr 2026.
    item = only("iha", care(date(2026, 3, 30)), date(2026, 4, 1))
    assert item.due == date(2026, 4, 29)
    assert not item.statutory and item.source.startswith("local policy")


def test_review_health_assessments_6_monthly_under_5_yearly_from_5() -> None:
    iha = (f.HealthRow(CHILD, "initial", date(2026, 2, 1)),)
    young = care(date(2026, 1, 5), dob=date(2022, 3, 1), health=iha)
    assert only("rha", young, date(2026, 3, 1)).due == date(2026, 8, 1)
    older = care(date(2026, 1, 5), dob=date(2019, 3, 1), health=iha)
    assert only("rha", older, date(2026, 3, 1)).due == date(2027, 2, 1)


def test_pep_termly() -> None:
    # Looked after in the autumn term: a PEP by the end of that term; after a review in the
    # spring term, the next by the end of the summer term.
    recs = care(date(2026, 10, 10), dob=date(2015, 6, 1))
    item = only("pep", recs, date(2026, 10, 12))
    assert item.due == date(2026, 12, 31)
    assert "the end of the school term of becoming looked after" in item.explanation
    reviewed = care(date(2026, 10, 10), peps=(f.ChildDate(CHILD, date(2027, 1, 15)),))
    assert only("pep", reviewed, date(2027, 1, 20)).due == date(2027, 8, 31)
    # Not for a baby.
    assert items_for("pep", care(date(2026, 10, 10), dob=date(2025, 1, 1)), date(2026, 11, 1)) == []


def test_pathway_plan_review_6_monthly() -> None:
    recs = records(pathway_plans=(f.PathwayRow(CHILD, date(2026, 6, 1)),))
    assert only("pathway_plan", recs, date(2026, 7, 1)).due == date(2026, 12, 1)


STAFF = 70


def supervised(
    start: date, *sessions: date, nq: bool = False, role: str = "social_worker"
) -> Records:
    return Records(
        staff=(f.StaffRow(STAFF, TEAM, role, nq, start, None),),
        supervisions=tuple(f.StaffDate(STAFF, d) for d in sessions),
    )


def test_supervision_monthly_for_an_experienced_worker_over_christmas_and_year_end() -> None:
    # Started Mon 1 Dec 2025: first supervision within a month, Thu 1 Jan 2026 (calendar months:
    # New Year's Day does not move it). Seen Tue 23 Dec 2025: next due Fri 23 Jan 2026.
    item = only("supervision", supervised(date(2025, 12, 1)), date(2026, 1, 2))
    assert item.due == date(2026, 1, 1) and item.status is Status.OVERDUE
    assert item.child_id is None and item.worker_id == STAFF and item.team_id == TEAM
    assert item.explanation.startswith("Supervision due 1 Jan 2026: 1 month after starting in")
    item = only("supervision", supervised(date(2025, 12, 1), date(2025, 12, 23)), date(2026, 1, 2))
    assert item.due == date(2026, 1, 23) and item.status is Status.DUE


def test_supervision_weekly_for_a_newly_qualified_worker_over_christmas_2026() -> None:
    # Started Mon 30 Nov 2026, newly qualified: weekly until 6 weeks in (Mon 11 Jan 2027).
    # Supervised Fri 18 Dec 2026: due Fri 25 Dec 2026, Christmas Day (a week is 7 days). On
    # Fri 18 Dec that is 4 working days ahead (21, 22, 23, 24 Dec), so due soon.
    recs = supervised(date(2026, 11, 30), date(2026, 12, 4), date(2026, 12, 18), nq=True)
    item = only("supervision", recs, date(2026, 12, 18))
    assert item.due == date(2026, 12, 25) and item.status is Status.DUE_SOON
    assert "1 week after the last supervision on 18 Dec 2026" in item.explanation
    # No session at all: the first is due a week after starting, Mon 7 Dec 2026.
    first = only("supervision", supervised(date(2026, 11, 30), nq=True), date(2026, 12, 1))
    assert first.due == date(2026, 12, 7)


def test_supervision_newly_qualified_phases_fortnightly_to_6_months_across_easter() -> None:
    start = date(2025, 12, 1)  # 6 weeks: Mon 12 Jan 2026; 6 months: Mon 1 Jun 2026
    # Fri 9 Jan is still in the weekly phase: due Fri 16 Jan.
    assert only(
        "supervision", supervised(start, date(2026, 1, 9), nq=True), date(2026, 1, 9)
    ).due == date(2026, 1, 16)
    # Mon 12 Jan starts the fortnightly phase: due Mon 26 Jan.
    assert only(
        "supervision", supervised(start, date(2026, 1, 12), nq=True), date(2026, 1, 12)
    ).due == date(2026, 1, 26)
    # Fri 27 Mar: due Fri 10 Apr 2026. On Wed 1 Apr that is 5 working days ahead because of
    # Good Friday (3 Apr) and Easter Monday (6 Apr): Thu 2, Tue 7, Wed 8, Thu 9, Fri 10.
    easter = only("supervision", supervised(start, date(2026, 3, 27), nq=True), date(2026, 4, 1))
    assert easter.due == date(2026, 4, 10) and easter.status is Status.DUE_SOON
    # Fri 29 May is the last fortnightly anchor (due Fri 12 Jun); from Mon 1 Jun monthly (1 Jul).
    assert only(
        "supervision", supervised(start, date(2026, 5, 29), nq=True), date(2026, 6, 1)
    ).due == date(2026, 6, 12)
    assert only(
        "supervision", supervised(start, date(2026, 6, 1), nq=True), date(2026, 6, 1)
    ).due == date(2026, 7, 1)
    # The same worker not newly qualified: monthly throughout.
    assert only("supervision", supervised(start, date(2026, 1, 9)), date(2026, 1, 9)).due == date(
        2026, 2, 9
    )


def test_supervision_is_for_social_work_staff_in_post() -> None:
    assert (
        items_for(
            "supervision", supervised(date(2025, 12, 1), role="team_manager"), date(2026, 3, 1)
        )
        == []
    )
    ended = Records(
        staff=(
            f.StaffRow(STAFF, TEAM, "social_worker", False, date(2025, 1, 6), date(2025, 12, 31)),
        )
    )
    assert [i for i in items_for("supervision", ended, date(2026, 3, 1)) if i.status.is_open] == []
    # Children's items come first, then the worker's own.
    both = Records(
        children=(f.Child(CHILD, date(2015, 6, 1)),),
        allocations=(f.OpenAllocation(CHILD, TEAM, STAFF, date(2020, 1, 1)),),
        pathway_plans=(f.PathwayRow(CHILD, date(2026, 1, 5)),),
        staff=supervised(date(2025, 12, 1)).staff,
    )
    assert [i.child_id for i in work_items(both, as_at=date(2026, 3, 1))] == [CHILD, None]


def test_every_rule_is_computed() -> None:
    assert [r.id for r in RULES if not computable(r) or r.not_computed] == []


def test_every_rule_is_data_with_a_source() -> None:
    assert len({r.id for r in RULES}) == len(RULES)
    for rule in RULES:
        assert rule.source and rule.title and rule.action
        assert rule.statutory != (rule.local_first or rule.local_then)


def test_intervals() -> None:
    assert add_interval(date(2026, 8, 31), Interval(3, Unit.MONTHS)) == date(2026, 11, 30)
    assert add_interval(date(2024, 2, 29), Interval(12, Unit.MONTHS)) == date(2025, 2, 28)
    assert add_interval(date(2026, 12, 31), Interval(1, Unit.WEEKS)) == date(2027, 1, 7)
    assert add_terms(date(2026, 9, 1), 0) == date(2026, 12, 31)
    assert add_terms(date(2026, 12, 31), 1) == date(2027, 3, 31)
    assert add_terms(date(2027, 4, 1), 2) == date(2028, 3, 31)  # summer -> autumn -> spring


# --- Needs assessment of an eligible child (reg 42) ---------------------------------------------


def in_care(dob: date, *periods: tuple[date, date | None], done: tuple[date, ...] = ()) -> Records:
    return Records(
        children=(f.Child(CHILD, dob),),
        allocations=(f.OpenAllocation(CHILD, TEAM, WORKER, date(2020, 1, 1)),),
        care_periods=tuple(f.CarePeriodRow(i, CHILD, s, e) for i, (s, e) in enumerate(periods, 1)),
        needs_assessments=tuple(f.ChildDate(CHILD, d) for d in done),
    )


def test_needs_assessment_3_months_after_the_16th_birthday_across_easter() -> None:
    # Born 10 Jan 2010, looked after since 1 Jun 2024 (aged 14): eligible on the 16th birthday,
    # Sat 10 Jan 2026; due 3 months later, Fri 10 Apr 2026. On Wed 1 Apr 2026 that is 5 working
    # days ahead (Good Friday 3 Apr and Easter Monday 6 Apr skipped): due soon.
    recs = in_care(date(2010, 1, 10), (date(2024, 6, 1), None))
    item = only("needs_assessment", recs, date(2026, 4, 1))
    assert item.due == date(2026, 4, 10) and item.status is Status.DUE_SOON
    assert item.statutory and item.source == "Care Planning Regulations 2010 reg 42"
    assert item.explanation.startswith("Needs assessment due 10 Apr 2026: 3 months after becoming")
    assert items_for("needs_assessment", recs, date(2026, 1, 9)) == []  # not yet 16


def test_needs_assessment_due_on_christmas_day_done_late_after_the_substitute_boxing_day() -> None:
    # Born 25 Sep 2010; due Fri 25 Dec 2026. Done Tue 29 Dec: Sat 26, Sun 27, Mon 28
    # (substitute Boxing Day) are not working days, so 1 working day late. Done 23 Dec: on time.
    late = in_care(date(2010, 9, 25), (date(2025, 1, 6), None), done=(date(2026, 12, 29),))
    [item] = items_for("needs_assessment", late, date(2027, 1, 4))
    assert item.due == date(2026, 12, 25) and item.status is Status.DONE_LATE
    assert item.explanation.endswith("done 29 Dec 2026, 1 working day late")
    early = in_care(date(2010, 9, 25), (date(2025, 1, 6), None), done=(date(2026, 12, 23),))
    [item] = items_for("needs_assessment", early, date(2027, 1, 4))
    assert item.status is Status.DONE_ON_TIME


def test_needs_assessment_counts_13_weeks_of_care_since_14() -> None:
    dob = date(2010, 1, 10)  # 14 on 10 Jan 2024, 16 on 10 Jan 2026, 18 on 10 Jan 2028
    # Into care at 16 on Mon 2 Mar 2026: eligible 13 weeks later, Mon 1 Jun 2026; due 1 Sep.
    late_entry = in_care(dob, (date(2026, 3, 2), None))
    assert only("needs_assessment", late_entry, date(2026, 6, 1)).due == date(2026, 9, 1)
    # 8 weeks at 14 and 5 weeks from 1 Mar 2026 add up: 56 days, then 35 more from Sun 1 Mar
    # reach Sun 5 Apr 2026; due Sun 5 Jul 2026.
    two = in_care(dob, (date(2024, 2, 1), date(2024, 3, 28)), (date(2026, 3, 1), None))
    assert only("needs_assessment", two, date(2026, 4, 10)).due == date(2026, 7, 5)
    # Looked after only before 14, or left care before 16: never eligible.
    assert (
        items_for(
            "needs_assessment",
            in_care(dob, (date(2020, 1, 1), date(2023, 12, 1))),
            date(2026, 6, 1),
        )
        == []
    )
    left = in_care(dob, (date(2024, 6, 1), date(2025, 12, 31)))
    assert items_for("needs_assessment", left, date(2026, 6, 1)) == []
    # An assessment recorded ends the clock.
    done = in_care(dob, (date(2024, 6, 1), None), done=(date(2026, 2, 20),))
    [item] = items_for("needs_assessment", done, date(2026, 3, 1))
    assert item.status is Status.DONE_ON_TIME and item.done_on == date(2026, 2, 20)
