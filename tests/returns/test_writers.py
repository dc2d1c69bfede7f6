"""The SSDA903 and CIN census writers, read back through the real readers.

Given a few children's records, deliberately out of id order and without the tables a database
may not hold, when the writers write the 2025/26 return, then each table has the reader's columns
in order, every value reads back as written, and the cohorts and derived values are the DfE's.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from safeguard.core.records import (
    AdoptionMilestones,
    Allocation,
    Assessment,
    AuthorityRecords,
    CareLeaverRecord,
    CareOutcomes,
    ChildProtectionConference,
    ChildProtectionPlan,
    CINEpisode,
    CINPlan,
    HealthAssessment,
    LookedAfterEpisode,
    LookedAfterPeriod,
    LookedAfterReview,
    MissingEpisode,
    Person,
    PersonDisability,
    Section47Enquiry,
    Staff,
)
from safeguard.returns.cin.reader import read_cin
from safeguard.returns.cin.writer import write_cin_xml
from safeguard.returns.ssda903.reader import DATE_COLUMNS, TABLES, read_903
from safeguard.returns.ssda903.writer import build_903_tables, write_903_csv

YEAR = 2026  # 1 April 2025 to 31 March 2026
D = date


def person(pid: int, code: str, born: date, sex: str = "F", upn: str = "") -> Person:
    return Person(
        pid, code, "Ann", "Example", "", born, None, sex, "", "WBRI", upn, "",
        "" if upn else "UN2", "", None, False, None, False,
    )  # fmt: skip


def episode(
    eid: int, child: int, period: int, start: date, end: date | None, **values: str
) -> LookedAfterEpisode:
    base = {
        "reason_new_episode": "S",
        "legal_status": "C2",
        "category_of_need": "N1",
        "placement_type": "U1",
        "placement_provider": "PR1",
        "home_postcode": "B1 1AA",
        "placement_postcode": "B2 2BB",
        "urn": "SC123456",
        "reason_ceased": "",
        "reason_place_change": "",
    } | values
    return LookedAfterEpisode(
        eid, period, child, start, base["reason_new_episode"], base["legal_status"],
        base["category_of_need"], base["placement_type"], base["placement_provider"],
        base["home_postcode"], base["placement_postcode"], base["urn"], end,
        base["reason_ceased"], base["reason_place_change"],
    )  # fmt: skip


def authority() -> AuthorityRecords:
    """Four children: C1 in care all year with a move (ids out of order), C2 adopted in the year,
    C3 a care leaver not looked after in the year, C4 back in care after a special guardianship
    order, plus a child in need (C5) for the census."""
    return AuthorityRecords(
        staff=(
            Staff(
                2,
                "SW002",
                "B",
                "W",
                "social_worker",
                "permanent",
                False,
                1,
                None,
                D(2020, 1, 1),
                None,
                "",
            ),
            Staff(
                1,
                "SW001",
                "A",
                "W",
                "social_worker",
                "permanent",
                False,
                1,
                None,
                D(2020, 1, 1),
                None,
                "",
            ),
        ),
        persons=(
            person(4, "C4", D(2012, 6, 1), sex="M"),
            person(1, "C1", D(2010, 5, 17), upn="A123456789012"),
            person(2, "C2", D(2022, 2, 2), sex="M"),
            person(3, "C3", D(2007, 8, 20)),
            person(5, "C5", D(2015, 1, 9)),
        ),
        disabilities=(PersonDisability(1, 5, "MOB"),),
        cin_episodes=(
            CINEpisode(1, 5, None, D(2025, 6, 2), "1A", "N1", False, D(2025, 12, 1), "RC7"),
        ),
        cin_plans=(CINPlan(1, 1, D(2025, 7, 1), D(2025, 12, 1)),),
        care_periods=(
            LookedAfterPeriod(2, 1, D(2023, 1, 10), None),
            LookedAfterPeriod(1, 2, D(2023, 3, 1), D(2025, 11, 20)),
            LookedAfterPeriod(3, 3, D(2022, 1, 5), D(2025, 8, 20)),
            LookedAfterPeriod(4, 4, D(2018, 1, 1), D(2020, 2, 1)),
            LookedAfterPeriod(5, 4, D(2025, 9, 1), None),
        ),
        care_episodes=(
            # C1: the move's reason is held on the episode moved into.
            episode(
                11,
                1,
                2,
                D(2025, 10, 1),
                None,
                reason_new_episode="P",
                placement_type="U4",
                reason_place_change="CARPL",
                placement_postcode="B3 3CC",
            ),
            episode(10, 1, 2, D(2023, 1, 10), D(2025, 10, 1), reason_ceased="X1"),
            # C2: placed for adoption with a placement order, adopted in the year.
            episode(20, 2, 1, D(2023, 3, 1), D(2024, 6, 1), legal_status="C1", reason_ceased="X1"),
            episode(
                21,
                2,
                1,
                D(2024, 6, 1),
                D(2024, 9, 1),
                reason_new_episode="L",
                legal_status="E1",
                reason_ceased="X1",
            ),
            episode(
                22,
                2,
                1,
                D(2024, 9, 1),
                D(2025, 11, 20),
                reason_new_episode="P",
                legal_status="E1",
                placement_type="A6",
                urn="SC900001",
                reason_place_change="APPRR",
                reason_ceased="E11",
            ),
            # C3: left care at 18 last year.
            episode(30, 3, 3, D(2022, 1, 5), D(2025, 3, 20), reason_ceased="E48"),
            # C4: a special guardianship order in 2020, back in care this year.
            episode(40, 4, 4, D(2018, 1, 1), D(2020, 2, 1), reason_ceased="E45"),
            episode(41, 4, 5, D(2025, 9, 1), None, legal_status="V2"),
        ),
        care_reviews=(
            LookedAfterReview(2, 1, 2, D(2025, 7, 1), "PN1"),
            LookedAfterReview(1, 1, 2, D(2025, 1, 1), "PN1"),  # last year: not written
        ),
        missing_episodes=(
            MissingEpisode(1, 1, "M", D(2025, 5, 3), D(2025, 5, 4), True, True),
            MissingEpisode(2, 1, "A", D(2026, 3, 30), D(2026, 4, 2), None, None),
        ),
        health_assessments=(
            HealthAssessment(1, 1, "review", D(2025, 9, 1)),
            HealthAssessment(2, 1, "dental", D(2025, 9, 20)),
        ),
        care_outcomes=(
            CareOutcomes(2, 1, 2026, 21, "", False, True, True, False, True),
            CareOutcomes(1, 1, 2025, 9, "", False, False, False, None, None),  # last year's
            # C4 came into care this year, so is not in OC2 whatever is recorded.
            CareOutcomes(3, 4, 2026, None, "SDQ4", None, True, False, None, None),
        ),
        care_leaver_records=(
            CareLeaverRecord(
                1, 3, D(2025, 8, 20), "relevant", "YES", "F2", "D1", True, D(2025, 8, 1), None, None
            ),
        ),
        adoptions=(
            AdoptionMilestones(
                1,
                2,
                D(2024, 1, 15),
                D(2024, 6, 1),
                D(2024, 8, 1),
                D(2024, 9, 1),
                D(2025, 11, 20),
                None,
                "",
                2,
                "FF",
                "L2",
            ),
        ),
        allocations=(
            # Two workers at once for a while: the first ends when the second begins.
            Allocation(2, 1, 1, 2, "social_worker", D(2025, 6, 1), None),
            Allocation(1, 1, 1, 1, "social_worker", D(2023, 1, 10), None),
        ),
    )


@pytest.fixture(scope="module")
def tables() -> dict[str, pl.DataFrame]:
    return build_903_tables(authority(), YEAR, la_code="330")


def rows(tables: dict[str, pl.DataFrame], name: str) -> list[dict[str, str]]:
    return tables[name].to_dicts()


def test_every_table_has_the_readers_columns_in_order_as_text(
    tables: dict[str, pl.DataFrame],
) -> None:
    assert list(tables) == [name for name in TABLES if name != "DoLo"]
    for name, frame in tables.items():
        assert tuple(frame.columns) == TABLES[name], name
        assert all(dtype == pl.Utf8 for dtype in frame.dtypes), name
    assert tables["UASC"].height == 0  # present though empty


def test_dolo_is_written_from_2026_27() -> None:
    later = build_903_tables(AuthorityRecords(), 2027)
    assert list(later)[-1] == "DoLo"
    assert tuple(later["DoLo"].columns) == TABLES["DoLo"]
    assert all(frame.height == 0 for frame in later.values())


def test_episodes_are_sorted_dated_and_carry_the_change_reason(
    tables: dict[str, pl.DataFrame],
) -> None:
    episodes = [r for r in rows(tables, "Episodes") if r["CHILD"] == "C1"]
    assert [(e["DECOM"], e["DEC"]) for e in episodes] == [
        ("10/01/2023", "01/10/2025"),
        ("01/10/2025", ""),
    ]
    # The reason for the move is on the episode that ceased, as the DfE asks.
    assert [e["REASON_PLACE_CHANGE"] for e in episodes] == ["CARPL", ""]
    # Episodes wholly before the year are not written.
    assert {r["CHILD"] for r in rows(tables, "Episodes")} == {"C1", "C2", "C4"}


def test_header_holds_looked_after_children_and_care_leavers(
    tables: dict[str, pl.DataFrame],
) -> None:
    header = {r["CHILD"]: r for r in rows(tables, "Header")}
    assert list(header) == ["C1", "C2", "C3", "C4"]
    assert header["C1"]["UPN"] == "A123456789012"
    assert header["C2"]["UPN"] == "UN2"
    assert header["C1"]["MOTHER"] == "0"
    assert header["C3"]["MOTHER"] == ""  # a care leaver not looked after this year (rule 628)


def test_year_tables(tables: dict[str, pl.DataFrame]) -> None:
    assert rows(tables, "Reviews") == [
        {"CHILD": "C1", "DOB": "17/05/2010", "REVIEW": "01/07/2025", "REVIEW_CODE": "PN1"}
    ]
    # A missing period open at the year's end has no end date in this year's return.
    assert [(m["MIS_START"], m["MIS_END"]) for m in rows(tables, "Missing")] == [
        ("03/05/2025", "04/05/2025"),
        ("30/03/2026", ""),
    ]
    assert [
        (s["SW_ID"], s["SW_DECOM"], s["SW_DEC"], s["SW_REASON"]) for s in rows(tables, "SWEpisodes")
    ] == [("SW001", "10/01/2023", "01/06/2025", "OTHERS"), ("SW002", "01/06/2025", "", "OTHERS")]


def test_oc2_is_the_children_looked_after_for_a_year(tables: dict[str, pl.DataFrame]) -> None:
    (oc2,) = rows(tables, "OC2")
    assert oc2["CHILD"] == "C1"
    assert (oc2["HEALTH_ASSESSMENT"], oc2["TEETH_CHECK"]) == ("1", "1")
    assert oc2["HEALTH_CHECK"] == ""  # asked of under-5s only
    # The year's outcomes as recorded (last year's are not this return's).
    assert (oc2["SDQ_SCORE"], oc2["SDQ_REASON"], oc2["CONVICTED"]) == ("21", "", "0")
    assert (oc2["IMMUNISATIONS"], oc2["SUBSTANCE_MISUSE"]) == ("1", "1")
    assert (oc2["INTERVENTION_RECEIVED"], oc2["INTERVENTION_OFFERED"]) == ("0", "1")


def test_oc2_items_not_recorded_are_blank_not_claimed() -> None:
    without = replace(authority(), care_outcomes=())
    (oc2,) = rows(build_903_tables(without, YEAR), "OC2")
    assert oc2["IMMUNISATIONS"] == oc2["SUBSTANCE_MISUSE"] == oc2["SDQ_SCORE"] == ""
    assert oc2["HEALTH_ASSESSMENT"] == "1"  # worked out from the dated assessments all the same


def test_adoption_tables(tables: dict[str, pl.DataFrame]) -> None:
    (ad1,) = rows(tables, "AD1")
    assert (ad1["CHILD"], ad1["DATE_INT"], ad1["DATE_MATCH"]) == ("C2", "15/01/2024", "01/08/2024")
    assert ad1["FOSTER_CARE"] == "0"  # A6: not the child's foster carer
    assert (ad1["NB_ADOPTR"], ad1["SEX_ADOPTR"], ad1["LS_ADOPTR"]) == ("2", "FF", "L2")
    assert rows(tables, "PlacedAdoption") == [
        {
            "CHILD": "C2",
            "DOB": "02/02/2022",
            "DATE_PLACED": "15/01/2024",
            "DATE_PLACED_CEASED": "",
            "REASON_PLACED_CEASED": "",
        }
    ]


def test_care_leavers_and_previous_permanence(tables: dict[str, pl.DataFrame]) -> None:
    assert rows(tables, "OC3") == [
        {"CHILD": "C3", "DOB": "20/08/2007", "IN_TOUCH": "YES", "ACTIV": "F2", "ACCOM": "D1"}
    ]
    assert rows(tables, "PrevPerm") == [
        {"CHILD": "C4", "DOB": "01/06/2012", "PREV_PERM": "P2", "LA_PERM": "330",
         "DATE_PERM": "01/02/2020"}
    ]  # fmt: skip
    unknown = build_903_tables(authority(), YEAR)["PrevPerm"].to_dicts()
    assert unknown[0]["LA_PERM"] == ""  # the authority's code not given: not guessed


def test_csv_files_read_back_as_written(tables: dict[str, pl.DataFrame], tmp_path: Path) -> None:
    paths = write_903_csv(tables, tmp_path)
    assert [p.name for p in paths][:2] == ["header.csv", "episodes.csv"]
    submission = read_903(paths, year="2025/26")
    for name, written in tables.items():
        read = submission.tables[name]
        assert read.height == written.height, name
        for column in written.columns:
            source = f"{column}__text" if column in DATE_COLUMNS else column
            back = [value or "" for value in read.sort("ROW")[source].to_list()]
            if name in {"Episodes", "Missing", "SWEpisodes", "PlacedAdoption"}:
                # The reader sorts these by child and start date; the writer already did.
                back = [value or "" for value in read[source].to_list()]
            assert back == written[column].to_list(), (name, column)


def test_cin_census_reads_back_valid(tmp_path: Path) -> None:
    path = write_cin_xml(authority(), tmp_path / "cin.xml", YEAR, "330")
    submission = read_cin(path)
    assert submission.year == "2025/26"
    assert submission.schema_value_error_count == 0
    header = submission.tables["Header"].row(0, named=True)
    assert (header["LEA"], header["Year"]) == ("330", "2026")
    (details,) = submission.tables["CINdetails"].to_dicts()
    assert details["LAchildID"] == "C5"
    assert details["CINreferralDate"] == date(2025, 6, 2)
    assert details["CINclosureDate"] == date(2025, 12, 1)
    assert details["ReasonForClosure"] == "RC7"
    assert submission.tables["Disabilities"]["Disability"].to_list() == ["MOB"]
    assert submission.tables["CINplanDates"]["CINPlanStartDate"].to_list() == [date(2025, 7, 1)]


def test_cin_enquiry_begun_last_year_is_returned_with_its_conference(tmp_path: Path) -> None:
    records = AuthorityRecords(
        persons=(person(1, "C1", D(2016, 3, 3)),),
        cin_episodes=(CINEpisode(1, 1, None, D(2025, 3, 10), "2A", "N1", False, None, ""),),
        assessments=(
            Assessment(
                1,
                1,
                D(2025, 3, 11),
                True,
                D(2025, 3, 12),
                D(2025, 4, 20),
                ("2B",),
                "strategy",
                True,
            ),
        ),
        section47s=(Section47Enquiry(1, 1, None, D(2025, 3, 20), D(2025, 4, 8), "icpc", False),),
        cp_plans=(ChildProtectionPlan(1, 1, D(2025, 4, 8), None, "NEG", "NEG", None),),
        conferences=(
            ChildProtectionConference(2, 1, None, 1, "review", D(2025, 7, 8), True),
            ChildProtectionConference(1, 1, 1, None, "initial", D(2025, 4, 8), True),
        ),
    )
    submission = read_cin(write_cin_xml(records, tmp_path / "cin.xml", YEAR, "330"))
    assert submission.schema_value_error_count == 0
    (enquiry,) = submission.tables["Section47"].to_dicts()
    assert enquiry["S47ActualStartDate"] == date(2025, 3, 20)
    assert enquiry["DateOfInitialCPC"] == date(2025, 4, 8)
    (plan,) = submission.tables["ChildProtectionPlans"].to_dicts()
    assert plan["CPPstartDate"] == date(2025, 4, 8)
    assert submission.tables["Reviews"]["CPPreviewDate"].to_list() == [date(2025, 7, 8)]
    factors = submission.tables["AssessmentFactorsList"]["AssessmentFactors"].to_list()
    assert factors == ["2B"]


def test_a_child_whose_care_ended_on_31_march_is_not_in_oc2() -> None:
    """Care that ceased on the year's last day breaks the 12 months (as the rules' definition
    in returns/ssda903/expressions.py reads it), so the child is not in OC2."""
    records = authority()
    ended = tuple(
        e._replace(end_date=D(2026, 3, 31), reason_ceased="E11") if e.id == 11 else e
        for e in records.care_episodes
    )
    assert not rows(build_903_tables(replace(records, care_episodes=ended), YEAR), "OC2")
