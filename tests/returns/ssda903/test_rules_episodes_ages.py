"""Date-order, age and episode-sequence rules (2025/26): failing and passing cases through the real
reader. The collection year is 2025/26 (1 April 2025 to 31 March 2026)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.returns.ssda903.helpers import flagged_rows, write_return
from tests.returns.ssda903.test_rules_cases import Case, H


def E(child: str, decom: str, **values: str) -> dict[str, str]:
    """An Episodes row."""
    return {"CHILD": child, "DECOM": decom, **values}


def AD(ls: str = "", sex: str = "", nb: str = "") -> dict[str, str]:
    return {"CHILD": "1", "LS_ADOPTR": ls, "SEX_ADOPTR": sex, "NB_ADOPTR": nb}


KID = {"Header": [H("1", DOB="15/06/2010")]}  # 10 on 15/06/2020, 14 on 15/06/2024, 16 on 15/06/2026


def with_kid(episodes: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    return {**KID, "Episodes": episodes}


CASES: list[Case] = [
    Case(
        "301",
        "born after the year",
        {"Header": [H("1", DOB="01/04/2026"), H("2", DOB="31/03/2026")]},
        (("Header", 2),),
    ),
    Case("301", "born in the year", {"Header": [H("1", DOB="31/03/2026")]}, ()),
    Case(
        "351",
        "over 25 at 1 April 2025",
        {"Header": [H("1", DOB="31/03/2000"), H("2", DOB="01/04/2000")]},
        (("Header", 2),),
    ),
    Case("351", "25 or under", {"Header": [H("1", DOB="01/04/2000")]}, ()),
    Case(
        "304",
        "UASC ceased after 18",
        {"UASC": [{"CHILD": "1", "DOB": "01/01/2007", "DUC": "02/01/2025"}]},
        (("UASC", 2),),
    ),
    Case(
        "304",
        "UASC ceased at 18",
        {
            "UASC": [
                {"CHILD": "1", "DOB": "01/01/2007", "DUC": "01/01/2025"},
                {"CHILD": "2", "DOB": "01/01/2007"},
            ]
        },
        (),
    ),
    Case(
        "333",
        "matched before decision",
        {"AD1": [{"CHILD": "1", "DATE_INT": "02/05/2025", "DATE_MATCH": "01/05/2025"}]},
        (("AD1", 2),),
    ),
    Case(
        "333",
        "matched on or after decision",
        {"AD1": [{"CHILD": "1", "DATE_INT": "01/05/2025", "DATE_MATCH": "01/05/2025"}]},
        (),
    ),
    Case(
        "353",
        "before 14 October 1991",
        {"Episodes": [E("1", "13/10/1991"), E("2", "14/10/1991")]},
        (("Episodes", 2),),
    ),
    Case("353", "on or after 14 October 1991", {"Episodes": [E("1", "14/10/1991")]}, ()),
    Case("354", "starts after the year", {"Episodes": [E("1", "01/04/2026")]}, (("Episodes", 2),)),
    Case("354", "starts in the year", {"Episodes": [E("1", "31/03/2026")]}, ()),
    Case(
        "385",
        "ceases after the year",
        {"Episodes": [E("1", "01/03/2026", DEC="01/04/2026", REC="E11")]},
        (("Episodes", 2),),
    ),
    Case(
        "385",
        "ceases in the year",
        {"Episodes": [E("1", "01/03/2026", DEC="31/03/2026", REC="E11")]},
        (),
    ),
    Case(
        "355",
        "same day",
        {"Episodes": [E("1", "01/05/2025", DEC="01/05/2025")]},
        (("Episodes", 2),),
    ),
    Case(
        "355",
        "longer, or open",
        {"Episodes": [E("1", "01/05/2025", DEC="02/05/2025"), E("2", "")]},
        (),
    ),
    Case(
        "356",
        "ceased before it began",
        {"Episodes": [E("1", "02/05/2025", DEC="01/05/2025")]},
        (("Episodes", 2),),
    ),
    Case(
        "356", "ceased after it began", {"Episodes": [E("1", "01/05/2025", DEC="02/05/2025")]}, ()
    ),
    Case(
        "378",
        "parents under V2",
        {"Episodes": [E("1", "01/05/2025", PLACE="P1", LS="V2")]},
        (("Episodes", 2),),
    ),
    Case(
        "378",
        "parents under C2",
        {
            "Episodes": [
                E("1", "01/05/2025", PLACE="P1", LS="C2"),
                E("2", "01/05/2025", PLACE="U1", LS="V2"),
            ]
        },
        (),
    ),
    Case(
        "380",
        "care starts in a temporary placement",
        {"Episodes": [E("1", "01/05/2025", PLACE="T1", RNE="S"), E("2", "01/05/2025", PLACE="T0")]},
        (("Episodes", 2), ("Episodes", 3)),
    ),
    Case(
        "380",
        "temporary placement after a change",
        {
            "Episodes": [
                E("1", "01/05/2025", PLACE="T1", RNE="P"),
                E("2", "01/05/2025", PLACE="U1", RNE="S"),
            ]
        },
        (),
    ),
    Case(
        "381",
        "care ends in a temporary placement",
        {"Episodes": [E("1", "01/05/2025", PLACE="T2", DEC="02/05/2025", REC="E13")]},
        (("Episodes", 2),),
    ),
    Case(
        "381",
        "temporary placement continues",
        {
            "Episodes": [
                E("1", "01/05/2025", PLACE="T2", DEC="02/05/2025", REC="X1"),
                E("2", "01/05/2025", PLACE="T2"),
            ]
        },
        (),
    ),
    Case(
        "382",
        "respite in a temporary placement",
        {"Episodes": [E("1", "01/05/2025", PLACE="T4", LS="V3")]},
        (("Episodes", 2),),
    ),
    Case(
        "382",
        "respite elsewhere",
        {
            "Episodes": [
                E("1", "01/05/2025", PLACE="U3", LS="V3"),
                E("2", "01/05/2025", PLACE="T4", LS="C2"),
            ]
        },
        (),
    ),
    Case(
        "384",
        "respite in long-term fostering",
        {"Episodes": [E("1", "01/05/2025", PLACE="U4", LS="V4")]},
        (("Episodes", 2),),
    ),
    Case(
        "384",
        "respite in short-term fostering",
        {
            "Episodes": [
                E("1", "01/05/2025", PLACE="U6", LS="V4"),
                E("2", "01/05/2025", PLACE="U4", LS="C2"),
            ]
        },
        (),
    ),
    Case(
        "440",
        "PN0 at 4 or over",
        {
            "Reviews": [
                {"CHILD": "1", "DOB": "01/05/2021", "REVIEW": "01/05/2025", "REVIEW_CODE": "PN0"}
            ]
        },
        (("Reviews", 2),),
    ),
    Case(
        "440",
        "PN0 under 4",
        {
            "Reviews": [
                {"CHILD": "1", "DOB": "01/05/2021", "REVIEW": "30/04/2025", "REVIEW_CODE": "PN0"}
            ]
        },
        (),
    ),
    Case(
        "441",
        "participation code under 4",
        {
            "Reviews": [
                {"CHILD": "1", "DOB": "01/05/2021", "REVIEW": "30/04/2025", "REVIEW_CODE": "PN1"}
            ]
        },
        (("Reviews", 2),),
    ),
    Case(
        "441",
        "participation code at 4",
        {
            "Reviews": [
                {"CHILD": "1", "DOB": "01/05/2021", "REVIEW": "01/05/2025", "REVIEW_CODE": "PN1"}
            ]
        },
        (),
    ),
    Case(
        "444",
        "duplicate UPN",
        {"Header": [H("1", UPN="A1"), H("2", UPN="a1"), H("3", UPN="B1")]},
        (("Header", 2), ("Header", 3)),
    ),
    Case(
        "444",
        "unknown codes and blanks may repeat",
        {"Header": [H("1", UPN="UN1"), H("2", UPN="UN1"), H("3"), H("4")]},
        (),
    ),
    Case("511", "two adopters coded as one", {"AD1": [AD(nb="2", sex="F1")]}, (("AD1", 2),)),
    Case(
        "511", "two adopters as a couple", {"AD1": [AD(nb="2", sex="MF"), AD(nb="1", sex="F1")]}, ()
    ),
    Case(
        "514", "single adopter coded as a couple", {"AD1": [AD(ls="L0", sex="MM")]}, (("AD1", 2),)
    ),
    Case("514", "single adopter", {"AD1": [AD(ls="L0", sex="M1")]}, ()),
    Case("517", "L3 not MF", {"AD1": [AD(ls="L3", sex="FF")]}, (("AD1", 2),)),
    Case("517", "L3 MF", {"AD1": [AD(ls="L3", sex="MF")]}, ()),
    Case("518", "L4 not same sex", {"AD1": [AD(ls="L4", sex="MF")]}, (("AD1", 2),)),
    Case("518", "L4 same sex", {"AD1": [AD(ls="L4", sex="FF")]}, ()),
    Case("519", "civil partnership not a couple", {"AD1": [AD(ls="L2", sex="M1")]}, (("AD1", 2),)),
    Case("519", "civil partnership couple", {"AD1": [AD(ls="L2", sex="MM")]}, ()),
    Case("520", "L11 same sex", {"AD1": [AD(ls="L11", sex="MM")]}, (("AD1", 2),)),
    Case("520", "L11 MF", {"AD1": [AD(ls="L11", sex="MF")]}, ()),
    Case("524", "L12 not same sex", {"AD1": [AD(ls="L12", sex="MF")]}, (("AD1", 2),)),
    Case("524", "L12 same sex", {"AD1": [AD(ls="L12", sex="MM")]}, ()),
    # Ages against the Header date of birth (child born 15/06/2010).
    Case(
        "302",
        "episode before birth",
        with_kid([E("1", "14/06/2010"), E("1", "15/06/2010")]),
        (("Episodes", 2),),
    ),
    Case("302", "episode after birth", with_kid([E("1", "15/06/2010")]), ()),
    Case(
        "352",
        "starts care at 18",
        {"Header": [H("1", DOB="01/05/2007")], "Episodes": [E("1", "01/05/2025", RNE="S")]},
        (("Episodes", 2),),
    ),
    Case(
        "352",
        "starts care at 17, or continues at 18",
        {
            "Header": [H("1", DOB="02/05/2007")],
            "Episodes": [E("1", "01/05/2025", RNE="S"), E("1", "03/05/2025", RNE="P")],
        },
        (),
    ),
    Case(
        "358",
        "youth justice status under 10",
        with_kid([E("1", "14/06/2020", LS="J1")]),
        (("Episodes", 2),),
    ),
    Case(
        "358",
        "youth justice status at 10",
        with_kid([E("1", "15/06/2020", LS="J2"), E("1", "14/06/2020", LS="C2")]),
        (),
    ),
    Case(
        "371",
        "supported accommodation under 16",
        with_kid([E("1", "14/06/2026", PLACE="K3")]),
        (("Episodes", 2),),
    ),
    Case("371", "supported accommodation at 16", with_kid([E("1", "15/06/2026", PLACE="K3")]), ()),
    Case(
        "372", "custody under 10", with_kid([E("1", "14/06/2020", PLACE="R5")]), (("Episodes", 2),)
    ),
    Case("372", "custody at 10", with_kid([E("1", "15/06/2020", PLACE="R5")]), ()),
    Case("373", "school under 4", with_kid([E("1", "14/06/2014", PLACE="S1")]), (("Episodes", 2),)),
    Case("373", "school at 4", with_kid([E("1", "15/06/2014", PLACE="S1")]), ()),
    Case(
        "374",
        "residential employment under 14",
        with_kid([E("1", "14/06/2024", PLACE="P3")]),
        (("Episodes", 2),),
    ),
    Case("374", "residential employment at 14", with_kid([E("1", "15/06/2024", PLACE="P3")]), ()),
    Case(
        "234",
        "custody change under 10",
        with_kid([E("1", "14/06/2020", REASON_PLACE_CHANGE="CUSTOD")]),
        (("Episodes", 2),),
    ),
    Case(
        "234",
        "custody change at 10",
        with_kid([E("1", "15/06/2020", REASON_PLACE_CHANGE="custod")]),
        (),
    ),
    Case(
        "386",
        "adopted at 18",
        {
            "Header": [H("1", DOB="01/05/2007")],
            "Episodes": [E("1", "01/01/2025", DEC="01/05/2025", REC="E11")],
        },
        (("Episodes", 2),),
    ),
    Case(
        "386",
        "adopted at 17",
        {
            "Header": [H("1", DOB="02/05/2007")],
            "Episodes": [E("1", "01/01/2025", DEC="01/05/2025", REC="E12")],
        },
        (),
    ),
    Case(
        "387",
        "independent living under 14",
        with_kid([E("1", "01/01/2024", DEC="14/06/2024", REC="E47")]),
        (("Episodes", 2),),
    ),
    Case(
        "387",
        "independent living at 14",
        with_kid([E("1", "01/01/2024", DEC="15/06/2024", REC="E48")]),
        (),
    ),
    Case(
        "389",
        "adult services under 16",
        with_kid([E("1", "01/01/2026", DEC="14/06/2026", REC="E7")]),
        (("Episodes", 2),),
    ),
    Case(
        "389",
        "adult services at 16",
        with_kid([E("1", "01/01/2026", DEC="15/06/2026", REC="E7")]),
        (),
    ),
    Case(
        "460",
        "stayed put under 18",
        {
            "Header": [H("1", DOB="02/05/2007")],
            "Episodes": [E("1", "01/01/2025", DEC="01/05/2025", REC="E17")],
        },
        (("Episodes", 2),),
    ),
    Case(
        "460",
        "stayed put at 18",
        {
            "Header": [H("1", DOB="01/05/2007")],
            "Episodes": [E("1", "01/01/2025", DEC="01/05/2025", REC="E17")],
        },
        (),
    ),
    Case(
        "407",
        "SGO at 18",
        {
            "Header": [H("1", DOB="01/05/2007")],
            "Episodes": [E("1", "01/01/2025", DEC="01/05/2025", REC="E45")],
        },
        (("Episodes", 2),),
    ),
    Case(
        "407",
        "SGO at 17",
        {
            "Header": [H("1", DOB="02/05/2007")],
            "Episodes": [E("1", "01/01/2025", DEC="01/05/2025", REC="E46")],
        },
        (),
    ),
    # Episode sequences (rows deliberately out of date order: the rules order by DECOM).
    Case(
        "501",
        "starts before the previous ended",
        {"Episodes": [E("1", "02/05/2025"), E("1", "01/04/2025", DEC="03/05/2025", REC="X1")]},
        (("Episodes", 2),),
    ),
    Case(
        "501",
        "starts when the previous ended; other child",
        {
            "Episodes": [
                E("1", "03/05/2025"),
                E("1", "01/04/2025", DEC="03/05/2025", REC="X1"),
                E("2", "01/04/2025"),
            ]
        },
        (),
    ),
    Case(
        "431",
        "S on the day the previous ended",
        {
            "Episodes": [
                E("1", "01/04/2025", DEC="03/05/2025", REC="X1"),
                E("1", "03/05/2025", RNE="S"),
            ]
        },
        (("Episodes", 3),),
    ),
    Case(
        "431",
        "S after a gap",
        {
            "Episodes": [
                E("1", "01/04/2025", DEC="03/05/2025", REC="E13"),
                E("1", "04/05/2025", RNE="S"),
            ]
        },
        (),
    ),
    Case(
        "432",
        "care ended but not S",
        {
            "Episodes": [
                E("1", "01/04/2025", DEC="03/05/2025", REC="E13"),
                E("1", "04/05/2025", RNE="P"),
            ]
        },
        (("Episodes", 3),),
    ),
    Case(
        "432",
        "care ended then S; X1 then P",
        {
            "Episodes": [
                E("1", "01/04/2025", DEC="03/05/2025", REC="E13"),
                E("1", "04/05/2025", RNE="S", DEC="05/05/2025", REC="X1"),
                E("1", "05/05/2025", RNE="P"),
            ]
        },
        (),
    ),
    Case(
        "433",
        "continuation after a gap",
        {
            "Episodes": [
                E("1", "01/04/2025", RNE="S", DEC="03/05/2025", REC="X1"),
                E("1", "04/05/2025", RNE="P"),
            ]
        },
        (("Episodes", 3),),
    ),
    Case(
        "433",
        "continuation on the same day; first episode of the year",
        {
            "Episodes": [
                E("1", "01/04/2025", RNE="P", DEC="03/05/2025", REC="X1"),
                E("1", "03/05/2025", RNE="L"),
            ]
        },
        (),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{c.name}" for c in CASES])
def test_rule_case(tmp_path: Path, case: Case) -> None:
    ret = write_return(tmp_path, case.tables, previous=case.previous or None)
    assert flagged_rows(case.code, ret) == list(case.expected)
