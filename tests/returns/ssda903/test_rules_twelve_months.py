"""Rules about children looked after continuously for 12 months at 31 March (the OC2 cohort),
2025/26: failing and passing cases through the real reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.returns.ssda903.helpers import flagged_rows, write_return
from tests.returns.ssda903.test_rules_cases import Case
from tests.returns.ssda903.test_rules_episodes_ages import E

# Child 1 has been in care since 2023: looked after continuously. Child 2 entered care this
# year (RNE S after 1 April) and child 3 left care this year: not continuously looked after.
EPISODES = [
    E("1", "01/01/2023", RNE="S", LS="C2"),
    E("2", "01/06/2025", RNE="S", LS="C2"),
    E("3", "01/01/2023", RNE="S", LS="C2", DEC="01/09/2025", REC="E13"),
]
CORE = {"IMMUNISATIONS": "1", "TEETH_CHECK": "1", "HEALTH_ASSESSMENT": "1", "SUBSTANCE_MISUSE": "0"}


def OC2(child: str, dob: str = "01/01/2012", **values: str) -> dict[str, str]:
    return {"CHILD": child, "DOB": dob, **values}


def T(**tables: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    return {"Episodes": EPISODES, **tables}


CASES: list[Case] = [
    Case(
        "185",
        "SDQ score, not continuously looked after",
        T(OC2=[OC2("2", SDQ_SCORE="10"), OC2("3", SDQ_SCORE="10")]),
        (("OC2", 2), ("OC2", 3)),
    ),
    Case(
        "185",
        "SDQ score, continuously looked after",
        T(OC2=[OC2("1", SDQ_SCORE="10"), OC2("2")]),
        (),
    ),
    Case(
        "198",
        "SDQ reason, not continuously looked after",
        T(OC2=[OC2("2", SDQ_REASON="SDQ1")]),
        (("OC2", 2),),
    ),
    Case("198", "SDQ reason, continuously looked after", T(OC2=[OC2("1", SDQ_REASON="SDQ1")]), ()),
    Case(
        "190",
        "health items, not continuously looked after",
        T(OC2=[OC2("3", TEETH_CHECK="1")]),
        (("OC2", 2),),
    ),
    Case("190", "health items, continuously looked after", T(OC2=[OC2("1", **CORE), OC2("3")]), ()),
    Case(
        "543",
        "10 or over, conviction blank",
        T(OC2=[OC2("1", dob="31/03/2016", **CORE)]),
        (("OC2", 2),),
    ),
    Case(
        "543",
        "under 10, or conviction given",
        T(OC2=[OC2("1", dob="01/04/2016", **CORE), OC2("2", dob="01/01/2010")]),
        (),
    ),
    Case(
        "545",
        "under 5, health check blank",
        T(OC2=[OC2("1", dob="01/04/2021", **CORE)]),
        (("OC2", 2),),
    ),
    Case(
        "545",
        "under 5 with health check; 5 without",
        T(
            OC2=[
                OC2("1", dob="01/04/2021", HEALTH_CHECK="1", **CORE),
                OC2("1", dob="31/03/2021", **CORE),
            ]
        ),
        (),
    ),
    Case(
        "546",
        "5 or over with health check",
        T(OC2=[OC2("1", dob="31/03/2021", HEALTH_CHECK="1", **CORE)]),
        (("OC2", 2),),
    ),
    Case(
        "546",
        "under 5 with health check",
        T(OC2=[OC2("1", dob="01/04/2021", HEALTH_CHECK="1", **CORE)]),
        (),
    ),
    Case(
        "186", "school age without SDQ", T(OC2=[OC2("1", dob="01/01/2012", **CORE)]), (("OC2", 2),)
    ),
    Case(
        "186",
        "SDQ score or reason; under 4 at the start",
        T(
            OC2=[
                OC2("1", SDQ_SCORE="12", **CORE),
                OC2("1", SDQ_REASON="SDQ2", **CORE),
                OC2("1", dob="02/04/2021", **CORE),
            ]
        ),
        (),
    ),
    Case(
        "191",
        "core item blank; child missing from OC2",
        {
            "Episodes": [*EPISODES, E("4", "01/06/2020", RNE="S")],
            "OC2": [OC2("1", IMMUNISATIONS="1")],
        },
        (("Episodes", 5), ("OC2", 2)),
    ),
    Case("191", "complete", T(OC2=[OC2("1", **CORE)]), ()),
    Case(
        "187",
        "adoption and care leaver data for a child in the OC2 cohort",
        T(
            AD1=[{"CHILD": "1", "FOSTER_CARE": "0"}],
            OC3=[{"CHILD": "1", "DOB": "01/01/2008", "IN_TOUCH": "YES"}],
        ),
        (("AD1", 2), ("OC3", 2)),
    ),
    Case(
        "187",
        "adoption and care leaver data for others",
        T(
            AD1=[{"CHILD": "3", "FOSTER_CARE": "0"}],
            OC3=[
                {"CHILD": "2", "DOB": "01/01/2008", "IN_TOUCH": "YES"},
                {"CHILD": "1", "DOB": "01/01/2008"},
            ],
        ),
        (),
    ),
    Case(
        "187",
        "in care to the year end, an episode changing on 31 March (X1) continuing the period",
        {
            "Episodes": [
                E("5", "01/01/2023", RNE="S", LS="E1", PLACE="A4", DEC="31/03/2026", REC="X1"),
                E("5", "31/03/2026", RNE="P", LS="E1", PLACE="A5"),
            ],
            "AD1": [{"CHILD": "5", "FOSTER_CARE": "0"}],
            "OC3": [{"CHILD": "5", "DOB": "01/01/2020"}],
        },
        (("AD1", 2),),
    ),
    Case(
        "187",
        "adopted on 31 March: ceased within the year, not looked after at 31 March",
        {
            # DEC is the day the episode ceased; 31 March is inside the collection year, so this
            # child left care during the year and the adoption data (AD1) is rightly completed.
            "Episodes": [
                E("5", "01/01/2023", RNE="S", LS="E1", PLACE="A4", DEC="31/03/2026", REC="E11"),
            ],
            "AD1": [{"CHILD": "5", "FOSTER_CARE": "0"}],
            "OC3": [{"CHILD": "5", "DOB": "01/01/2020"}],
        },
        (),
    ),
    Case(
        "185",
        "SDQ score for a child whose care ended on 31 March",
        {
            "Episodes": [E("5", "01/01/2023", RNE="S", LS="C2", DEC="31/03/2026", REC="E13")],
            "OC2": [OC2("5", SDQ_SCORE="10")],
        },
        (("OC2", 2),),
    ),
    Case(
        "215",
        "care leaver with twelve-month items",
        {
            "OC3": [{"CHILD": "1", "DOB": "01/01/2008", "IN_TOUCH": "YES"}],
            "OC2": [OC2("1", TEETH_CHECK="1")],
        },
        (("OC2", 2), ("OC3", 2)),
    ),
    Case(
        "215",
        "care leaver without twelve-month items",
        {
            "OC3": [{"CHILD": "1", "DOB": "01/01/2008", "IN_TOUCH": "YES"}],
            "OC2": [OC2("1", SDQ_SCORE="5"), OC2("2", **CORE)],
        },
        (),
    ),
]


# Adoption placements, UPN for school-age children, mother field on leaving care, OC3 and AD1.
CASES += [
    Case(
        "408",
        "placement order placement without E1",
        {"Episodes": [E("1", "01/05/2025", PLACE="A5", LS="C2"), E("2", "01/05/2025", PLACE="A6")]},
        (("Episodes", 2), ("Episodes", 3)),
    ),
    Case(
        "408",
        "placement order placement under E1",
        {
            "Episodes": [
                E("1", "01/05/2025", PLACE="A6", LS="E1"),
                E("2", "01/05/2025", PLACE="A4", LS="C2"),
            ]
        },
        (),
    ),
    Case(
        "390",
        "adopted from foster care",
        {"Episodes": [E("1", "01/05/2025", PLACE="U1", DEC="01/06/2025", REC="E11")]},
        (("Episodes", 2),),
    ),
    Case(
        "390",
        "adopted from an adoption placement",
        {"Episodes": [E("1", "01/05/2025", PLACE="A4", DEC="01/06/2025", REC="E12")]},
        (),
    ),
    Case(
        "209",
        "school-age child with UN1",
        {
            "Header": [
                {"CHILD": "1", "SEX": "F", "DOB": "31/08/2020", "ETHNIC": "WBRI", "UPN": "UN1"}
            ]
        },
        (("Header", 2),),
    ),
    Case(
        "209",
        "pre-school child with UN1",
        {
            "Header": [
                {"CHILD": "1", "SEX": "F", "DOB": "01/09/2020", "ETHNIC": "WBRI", "UPN": "UN1"}
            ]
        },
        (),
    ),
    Case(
        "134",
        "care leaver with adoption data",
        {
            "OC3": [{"CHILD": "1", "DOB": "01/01/2008", "IN_TOUCH": "YES"}],
            "AD1": [{"CHILD": "1", "NB_ADOPTR": "1"}],
        },
        (("AD1", 2),),
    ),
    Case(
        "134",
        "adoption data for others",
        {
            "OC3": [{"CHILD": "1", "DOB": "01/01/2008"}],
            "AD1": [{"CHILD": "1", "NB_ADOPTR": "1"}, {"CHILD": "2", "NB_ADOPTR": "1"}],
        },
        (),
    ),
    Case(
        "607",
        "girl left care, mother field blank",
        {
            "Header": [{"CHILD": "1", "SEX": "F", "DOB": "01/01/2008", "ETHNIC": "WBRI"}],
            "Episodes": [E("1", "01/01/2025", DEC="01/06/2025", REC="E13", LS="C2")],
        },
        (("Episodes", 2), ("Header", 2)),
    ),
    Case(
        "607",
        "mother field given; short break; boy",
        {
            "Header": [
                {"CHILD": "1", "SEX": "F", "DOB": "01/01/2008", "ETHNIC": "WBRI", "MOTHER": "0"},
                {"CHILD": "2", "SEX": "F", "DOB": "01/01/2008", "ETHNIC": "WBRI"},
                {"CHILD": "3", "SEX": "M", "DOB": "01/01/2008", "ETHNIC": "WBRI"},
            ],
            "Episodes": [
                E("1", "01/01/2025", DEC="01/06/2025", REC="E13", LS="C2"),
                E("2", "01/01/2025", DEC="01/06/2025", REC="E13", LS="V3"),
                E("3", "01/01/2025", DEC="01/06/2025", REC="E13", LS="C2"),
            ],
        },
        (),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{c.name}" for c in CASES])
def test_rule_case(tmp_path: Path, case: Case) -> None:
    ret = write_return(tmp_path, case.tables, previous=case.previous or None)
    assert flagged_rows(case.code, ret) == list(case.expected)
