"""The Annex A workbook from hand-made records, opened with openpyxl as an inspector would.

Given a small authority whose every date is chosen either side of the 2025/26 window (1 April
2025 to 31 March 2026), when the workbook is written for 31 March 2026, then each list has the
headings of shared/specs/annex-a.md and the rows and values worked out by hand below.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import openpyxl
import pytest

from safeguard.core.records import (
    AdoptionMilestones,
    Allocation,
    Assessment,
    AuthorityRecords,
    CareLeaverRecord,
    ChildProtectionConference,
    ChildProtectionPlan,
    CINEpisode,
    Contact,
    HealthAssessment,
    LookedAfterEpisode,
    LookedAfterPeriod,
    LookedAfterReview,
    MissingEpisode,
    Person,
    PersonDisability,
    Section47Enquiry,
    ServiceArea,
    Staff,
    StrategyDiscussion,
    Team,
    Visit,
)
from safeguard.returns.annex_a import LISTS, window_start, write_annex_a
from safeguard.returns.annex_a.lists import age_in_years

END = date(2026, 3, 31)
ALFIE, BEA, CAL, DANI, EVIE, UNBORN = 1, 2, 3, 4, 5, 6


def _person(pk: int, la_id: str, sex: str, born: date | None, ethnicity: str, **kw: Any) -> Person:
    values: dict[str, Any] = {
        "id": pk,
        "la_person_id": la_id,
        "first_name": "Test",
        "last_name": la_id,
        "preferred_name": "",
        "date_of_birth": born,
        "expected_date_of_birth": None,
        "sex": sex,
        "gender": "",
        "ethnicity": ethnicity,
        "upn": "",
        "former_upn": "",
        "upn_unknown_reason": "",
        "nhs_number": "",
        "death_date": None,
        "is_unaccompanied_asylum_seeker": False,
        "uasc_ceased_date": None,
        "is_restricted": False,
    }
    values.update(kw)
    return Person(**values)


def _care_episode(
    pk: int, start: date, rne: str, ls: str, place: str, **kw: Any
) -> LookedAfterEpisode:
    values: dict[str, Any] = {
        "id": pk,
        "period_id": 1,
        "child_id": CAL,
        "start_date": start,
        "reason_new_episode": rne,
        "legal_status": ls,
        "category_of_need": "N1",
        "placement_type": place,
        "placement_provider": "PR1",
        "home_postcode": "",
        "placement_postcode": "",
        "urn": "",
        "end_date": None,
        "reason_ceased": "",
        "reason_place_change": "",
    }
    values.update(kw)
    return LookedAfterEpisode(**values)


def _authority() -> AuthorityRecords:
    sam = Staff(
        1, "S1", "Sam", "Worker", "social_worker", "permanent", False, Decimal("1.00"), 1,
        date(2020, 1, 1), None, "",
    )  # fmt: skip
    pat = Staff(
        2, "S2", "Pat", "Adviser", "personal_adviser", "permanent", False, Decimal("1.00"), 2,
        date(2020, 1, 1), None, "",
    )  # fmt: skip
    return AuthorityRecords(
        service_areas=(ServiceArea(1, "North"),),
        teams=(
            Team(1, "North Child in Need", 1, "cin", Decimal("8.0")),
            Team(2, "Care Leavers", 1, "leaving_care", Decimal("4.0")),
        ),
        staff=(sam, pat),
        persons=(
            # Alfie is 10 on 31 March 2026 (born 15 June 2015).
            _person(ALFIE, "A1", "M", date(2015, 6, 15), "WBRI"),
            # Bea turns 10 on 31 March 2026 itself; she refused to give her ethnicity.
            _person(BEA, "B2", "F", date(2016, 3, 31), "REFU"),
            _person(
                CAL,
                "C3",
                "M",
                date(2012, 1, 20),
                "BAFR",
                is_unaccompanied_asylum_seeker=True,
                uasc_ceased_date=date(2025, 1, 1),
            ),
            _person(DANI, "D4", "F", date(2007, 10, 1), "", is_unaccompanied_asylum_seeker=True),
            _person(EVIE, "E5", "U", date(2023, 5, 5), "MWAS"),
            _person(UNBORN, "U6", "U", None, "NOBT"),
        ),
        disabilities=(PersonDisability(1, ALFIE, "NONE"), PersonDisability(2, BEA, "AUT")),
        contacts=(
            Contact(1, ALFIE, date(2025, 3, 31), "8", "", "", "nfa", None),  # a day too early
            Contact(2, ALFIE, date(2025, 4, 1), "2A", "", "", "referral", None),  # first day
            Contact(3, BEA, date(2026, 3, 31), "5D", "", "", "referral", None),  # last day
            Contact(4, BEA, date(2026, 4, 1), "6", "", "", "referral", None),  # a day too late
            Contact(5, UNBORN, date(2025, 12, 1), "3B", "", "", "referral", None),
        ),
        cin_episodes=(
            CINEpisode(
                1, ALFIE, None, date(2024, 12, 1), "1A", "N1", False, date(2025, 1, 10), "RC8"
            ),
            CINEpisode(2, ALFIE, 2, date(2025, 5, 1), "6", "N1", False, None, ""),
            CINEpisode(3, ALFIE, None, date(2025, 9, 1), "2A", "", True, date(2025, 9, 2), "RC8"),
            CINEpisode(4, BEA, 3, date(2025, 6, 1), "3A", "N2", False, date(2025, 12, 1), "RC7"),
        ),
        assessments=(
            Assessment(
                1,
                2,
                date(2025, 5, 2),
                True,
                date(2025, 5, 3),
                date(2025, 6, 10),
                ("21",),
                "cin_plan",
                True,
            ),
            Assessment(2, 4, date(2025, 6, 2), None, None, None, (), "", None),
        ),
        strategy_discussions=(StrategyDiscussion(1, 2, date(2025, 6, 20), True),),
        section47s=(Section47Enquiry(1, 2, 1, date(2025, 6, 21), date(2025, 7, 1), "icpc", False),),
        cp_plans=(ChildProtectionPlan(1, 2, date(2025, 7, 10), None, "NEG", "EMO", None),),
        conferences=(
            ChildProtectionConference(1, 2, 1, 1, "initial", date(2025, 7, 10), True),
            ChildProtectionConference(2, 2, None, 1, "review", date(2025, 10, 10), None),
        ),
        visits=(
            Visit(1, ALFIE, "cp", date(2025, 8, 1), "in_person", "completed", True, True, 1, ""),
            Visit(2, ALFIE, "cp", date(2026, 4, 2), "in_person", "completed", True, False, 1, ""),
            Visit(3, CAL, "cla", date(2026, 2, 14), "in_person", "completed", True, False, 1, ""),
        ),
        care_periods=(LookedAfterPeriod(1, CAL, date(2024, 1, 10), None),),
        care_episodes=(
            _care_episode(
                1, date(2024, 1, 10), "S", "V2", "U6", end_date=date(2025, 2, 1), reason_ceased="X1"
            ),
            _care_episode(
                2, date(2025, 2, 1), "L", "C2", "U6", end_date=date(2025, 8, 1), reason_ceased="X1"
            ),
            _care_episode(
                3,
                date(2025, 8, 1),
                "P",
                "C2",
                "K2",
                placement_provider="PR4",
                placement_postcode="B1 1AA",
                urn="SC123456",
            ),
        ),
        care_reviews=(
            LookedAfterReview(1, CAL, 1, date(2025, 7, 1), "PN1"),
            LookedAfterReview(2, CAL, 1, date(2026, 1, 5), "PN1"),
        ),
        missing_episodes=(
            MissingEpisode(1, CAL, "M", date(2025, 3, 1), date(2025, 3, 2), None, None),
            MissingEpisode(2, CAL, "M", date(2025, 9, 1), date(2025, 9, 2), True, False),
            MissingEpisode(3, CAL, "A", date(2025, 10, 1), date(2025, 10, 1), None, None),
        ),
        health_assessments=(
            HealthAssessment(1, CAL, "review", date(2025, 11, 11)),
            HealthAssessment(2, CAL, "dental", date(2025, 12, 12)),
        ),
        care_leaver_records=(
            CareLeaverRecord(
                1,
                DANI,
                date(2025, 10, 1),
                "former_relevant",
                "YES",
                "F2",
                "S2",
                None,
                date(2026, 1, 20),
                date(2025, 11, 5),
                2,
            ),
        ),
        adoptions=(
            AdoptionMilestones(
                1, EVIE, date(2025, 1, 10), date(2025, 5, 5), None, None, None, None, ""
            ),
        ),
        allocations=(
            Allocation(1, ALFIE, 1, 1, "social_worker", date(2025, 4, 15), None),
            Allocation(2, CAL, 1, None, "social_worker", date(2024, 1, 10), None),
            Allocation(3, DANI, 2, 2, "personal_adviser", date(2025, 10, 1), None),
        ),
    )


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    path = tmp_path_factory.mktemp("annex_a") / "annex-a.xlsx"
    assert write_annex_a(_authority(), path, END) == path
    return openpyxl.load_workbook(path)


def _rows(workbook: openpyxl.Workbook, number: int) -> list[dict[str, Any]]:
    sheet = workbook[f"List {number}"]
    values = list(sheet.iter_rows(values_only=True))
    headings = values[0]
    return [dict(zip(headings, row, strict=True)) for row in values[1:]]


def _day(value: Any) -> date:
    assert isinstance(value, datetime), value
    return value.date()


def test_window_is_the_twelve_months_to_period_end() -> None:
    assert window_start(END) == date(2025, 4, 1)
    assert window_start(date(2024, 2, 29)) == date(2023, 3, 1)


def test_ages_are_whole_years_at_period_end() -> None:
    assert age_in_years(date(2015, 6, 15), END) == 10
    assert age_in_years(date(2016, 3, 31), END) == 10
    assert age_in_years(date(2016, 4, 1), END) == 9
    assert age_in_years(None, END) is None


def test_one_sheet_per_list_with_the_spec_headings(workbook: openpyxl.Workbook) -> None:
    assert workbook.sheetnames == [f"List {n}" for n in range(1, 12)]
    headings = {
        ws.title: [c.value for c in next(ws.iter_rows(max_row=1))] for ws in workbook.worksheets
    }
    common = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"]
    assert headings["List 1"] == [*common, "Date of Contact", "Contact Source"]
    assert headings["List 3"] == [
        *common,
        "Date of referral",
        "Referral Source",
        "Referral NFA?",
        "Number of Referrals in Last 12 Months",
        "Allocated Team",
        "Allocated Worker",
    ]
    assert len(headings["List 8"]) == 5 + 29
    assert headings["List 8"][5] == (
        "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"
    )
    assert len(headings["List 9"]) == 17
    assert headings["List 10"][:3] == ["Child Unique ID", "Family identifier", "Gender"]
    assert headings["List 11"][0] == "Individual adopter identifier"
    assert len(headings["List 11"]) == 19
    for annex_list in LISTS:
        assert headings[annex_list.sheet] == list(annex_list.headings)


def test_lists_with_no_data_have_headings_only(workbook: openpyxl.Workbook) -> None:
    assert workbook["List 2"].max_row == 1
    assert workbook["List 11"].max_row == 1


def test_contacts_inside_the_window_only(workbook: openpyxl.Workbook) -> None:
    rows = _rows(workbook, 1)
    assert [(r["Child Unique ID"], _day(r["Date of Contact"])) for r in rows] == [
        ("A1", date(2025, 4, 1)),
        ("U6", date(2025, 12, 1)),
        ("B2", date(2026, 3, 31)),
    ]
    first, unborn, last = rows
    assert first["Contact Source"] == "e) 2A: Schools"
    assert last["Contact Source"] == "p1) 5D: LA services"
    assert first["Gender"] == "a) Male" and first["Ethnicity"] == "a) WBRI"
    assert last["Gender"] == "b) Female" and last["Ethnicity"] == "s) REFU"
    assert unborn["Ethnicity"] == "s) NOBT" and unborn["Gender"] == "c) Not stated/recorded"
    assert first["Age of Child (Years)"] == 10 and last["Age of Child (Years)"] == 10
    assert unborn["Date of Birth"] is None and unborn["Age of Child (Years)"] is None
    assert _day(first["Date of Birth"]) == date(2015, 6, 15)


def test_dates_are_excel_dates_shown_day_month_year(workbook: openpyxl.Workbook) -> None:
    cell = workbook["List 1"]["F2"]
    assert cell.is_date and cell.number_format == "dd/mm/yyyy"
    assert workbook["List 1"]["D2"].number_format == "dd/mm/yyyy"


def test_referrals_count_earlier_ones_and_name_the_allocation(workbook: openpyxl.Workbook) -> None:
    rows = _rows(workbook, 3)
    assert [(r["Child Unique ID"], _day(r["Date of referral"])) for r in rows] == [
        ("A1", date(2025, 5, 1)),
        ("B2", date(2025, 6, 1)),
        ("A1", date(2025, 9, 1)),
    ]
    may, bea, september = rows
    assert may["Referral Source"] == "q) 6: Police" and may["Referral NFA?"] == "b) No"
    assert may["Number of Referrals in Last 12 Months"] == 1  # 1 Dec 2024
    assert september["Number of Referrals in Last 12 Months"] == 2  # 1 Dec 2024 and 1 May 2025
    assert september["Referral NFA?"] == "a) Yes"
    assert (may["Allocated Team"], may["Allocated Worker"]) == ("North Child in Need", "Sam Worker")
    assert bea["Allocated Team"] is None and bea["Allocated Worker"] is None


def test_assessments(workbook: openpyxl.Workbook) -> None:
    alfie, bea = _rows(workbook, 4)
    assert alfie["Does the Child have a Disability"] == "b) No"  # NONE is no disability
    assert bea["Does the Child have a Disability"] == "a) Yes"
    assert alfie["Child Seen During Continuous Assessment"] == "a) Yes"
    assert _day(alfie["Continuous Assessment Date of Authorisation"]) == date(2025, 6, 10)
    assert (
        alfie["Was the child assessed as requiring LA children's social care support?"] == "a) Yes"
    )
    assert bea["Continuous Assessment Date of Authorisation"] is None
    assert bea["Child Seen During Continuous Assessment"] is None


def test_section_47_and_icpc(workbook: openpyxl.Workbook) -> None:
    (row,) = _rows(workbook, 5)
    assert _day(row["Strategy discussion initiating Section 47 Enquiry Start Date"]) == date(
        2025, 6, 20
    )
    assert row["Was an Initial Child Protection Conference deemed unnecessary?"] == "b) No"
    assert _day(row["Date of Initial Child Protection Conference"]) == date(2025, 7, 10)
    assert (
        row["Did the Initial Child Protection Conference Result in a Child Protection Plan"]
        == "a) Yes"
    )
    assert row["Number of Section 47 Enquiries in the last 12 months"] == 0


def test_children_in_need_latest_episode_and_case_status(workbook: openpyxl.Workbook) -> None:
    rows = {r["Child Unique ID"]: r for r in _rows(workbook, 6)}
    # Alfie's 1 September referral ended in no further action, so his May episode is the one.
    assert _day(rows["A1"]["CIN Start Date"]) == date(2025, 5, 1)
    assert rows["A1"]["Case Status"] == "b) Child Protection plan"
    assert rows["A1"]["Primary Need Code"] == "N1 - Abuse or neglect"
    assert _day(rows["A1"]["Date Child Was Last Seen"]) == date(2025, 8, 1)
    assert rows["B2"]["Case Status"] == "e) Closed episode"
    assert _day(rows["B2"]["CIN Closure Date"]) == date(2025, 12, 1)
    assert rows["B2"]["Reason for Closure"] == (
        "RC7 - Services ceased for any other reason, including child no longer in need"
    )


def test_child_protection(workbook: openpyxl.Workbook) -> None:
    (row,) = _rows(workbook, 7)
    assert row["Initial Category of Abuse"] == "a) Neglect"
    assert row["Latest Category of Abuse"] == "d) Emotional abuse"
    # The visit of 2 April 2026 is after the period, so 1 August 2025 is the last.
    assert _day(row["Date of the Last Statutory Visit"]) == date(2025, 8, 1)
    assert row["Was the Child Seen Alone?"] == "a) Yes"
    assert _day(row["Date of latest review conference"]) == date(2025, 10, 10)
    assert row["Child Protection Plan End Date"] is None
    assert row["Number of Previous Child Protection Plans"] == 0


def test_children_in_care(workbook: openpyxl.Workbook) -> None:
    (row,) = _rows(workbook, 8)
    assert row["Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"] == (
        "b) No"  # ceased 1 January 2025, before the window
    )
    assert _day(row["Date Started to be Looked After"]) == date(2024, 1, 10)
    assert _day(row["Start date of current legal status"]) == date(2025, 2, 1)
    assert row["Child's Legal Status"] == "C2 - Full care order"
    assert _day(row["Date of Latest Statutory Review"]) == date(2026, 1, 5)
    assert _day(row["Date of Last Social Work Visit"]) == date(2026, 2, 14)
    assert _day(row["Date of Last Health Assessment"]) == date(2025, 11, 11)
    assert _day(row["Date of Last Dental Check"]) == date(2025, 12, 12)
    # The U6 placement from January 2024 (still running at 1 April 2025) and the K2 one.
    assert row["Number of Placements in the Last 12 months"] == 2
    assert _day(row["Start Date of Most Recent Placement"]) == date(2025, 8, 1)
    assert row["Placement Type"] == "K2 - Children's home"
    assert row["Placement Provider"] == "PR4 - Private provision"
    assert (row["Placement postcode"], row["URN of Placement"]) == ("B1 1AA", "SC123456")
    key = "Number of Episodes the Child has been '{}' from their Placement in the last 12 months"
    assert (row[key.format("Missing")], row[key.format("Absent")]) == (1, 1)
    assert (
        row["Was the child offered a Return Interview after their last missing episode (Y/N)?"]
        == "a) Yes"
    )
    assert (
        row["Did the child accept a Return Interview after their last missing episode (Y/N)?"]
        == "b) No"
    )
    assert row["Date Ceased to be Looked After"] is None
    assert (row["Allocated Team"], row["Allocated Worker"]) == ("North Child in Need", None)


def test_care_leavers(workbook: openpyxl.Workbook) -> None:
    (row,) = _rows(workbook, 9)
    assert row["Eligibility Category"] == "b) Former relevant child"
    assert row["LA in Touch"] == "Yes"
    assert (row["Type of Accommodation"], row["Suitability of Accommodation"]) == (
        "S",
        "b) Unsuitable",
    )
    assert row["Activity Status"] == "F2"
    assert row["Allocated Personal Advisor"] == "Pat Adviser"
    # No social worker allocated: the personal adviser's allocation names the team and worker.
    assert (row["Allocated Team"], row["Allocated Worker"]) == ("Care Leavers", "Pat Adviser")
    assert row[
        "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)"
    ] == ("a) Yes")
    assert _day(row["Latest Pathway Plan Review Date"]) == date(2025, 11, 5)
    assert row["Ethnicity"] == "s) NOBT"  # nothing recorded


def test_adoption_open_at_the_window_start(workbook: openpyxl.Workbook) -> None:
    (row,) = _rows(workbook, 10)
    assert row["Child Unique ID"] == "E5" and row["Family identifier"] is None
    assert _day(row["Date of Decision that Child Should be Placed for Adoption"]) == date(
        2025, 1, 10
    )
    assert _day(row["Date of Placement Order"]) == date(2025, 5, 5)
    assert row["Date of Adoption Order"] is None
    assert row["Age of Child (Years)"] == 2
