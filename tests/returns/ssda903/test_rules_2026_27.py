"""Rules added in 2026/27 (the DoLo table, rules 700-710): failing and passing cases fed through
the real reader from CSV files, read as a 2026/27 return."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.returns.ssda903.helpers import flagged_rows, write_return
from tests.returns.ssda903.test_rules_cases import Case

YEAR = "2026/27"


def D(child: str, start: str = "", end: str = "", dob: str = "01/01/2010") -> dict[str, str]:
    return {"CHILD": child, "DOB": dob, "DOLO_START": start, "DOLO_END": end}


def E(child: str, decom: str, dec: str = "", place: str = "K2") -> dict[str, str]:
    return {
        "CHILD": child,
        "DECOM": decom,
        "DEC": dec,
        "RNE": "S",
        "LS": "C2",
        "CIN": "N1",
        "PLACE": place,
        "PLACE_PROVIDER": "PR1",
    }


CASES: list[Case] = [
    Case(
        "700",
        "start blank or not a date",
        {"DoLo": [D("1", "01/05/2026"), D("2", ""), D("3", "31/02/2026"), D("4", "2026-05-01")]},
        (("DoLo", 3), ("DoLo", 4), ("DoLo", 5)),
    ),
    Case("700", "start a date", {"DoLo": [D("1", "01/05/2026"), D("2", "1/5/2026")]}, ()),
    Case(
        "701",
        "end not a date",
        {"DoLo": [D("1", "01/05/2026", "31/02/2027"), D("2", "01/05/2026", "")]},
        (("DoLo", 2),),
    ),
    Case(
        "701",
        "end a date or blank",
        {"DoLo": [D("1", "01/05/2026", "01/06/2026"), D("2", "01/05/2026")]},
        (),
    ),
    Case(
        "702",
        "ends before it starts",
        {"DoLo": [D("1", "01/05/2026", "30/04/2026"), D("2", "01/05/2026", "01/05/2026")]},
        (("DoLo", 2),),
    ),
    Case(
        "702",
        "ends on or after its start, or open",
        {"DoLo": [D("1", "01/05/2026", "01/05/2026"), D("2", "01/05/2026")]},
        (),
    ),
    Case(
        "703",
        "starts after 31 March 2027",
        {"DoLo": [D("1", "31/03/2027"), D("2", "01/04/2027")]},
        (("DoLo", 3),),
    ),
    Case("703", "starts within or before the year", {"DoLo": [D("1", "01/01/2020")]}, ()),
    Case(
        "704",
        "ends before or after the year",
        {
            "DoLo": [
                D("1", "01/01/2026", "31/03/2026"),
                D("2", "01/01/2026", "01/04/2026"),
                D("3", "01/01/2026", "31/03/2027"),
                D("4", "01/01/2026", "01/04/2027"),
            ]
        },
        (("DoLo", 2), ("DoLo", 5)),
    ),
    Case("704", "ends within the year or open", {"DoLo": [D("1", "01/01/2026")]}, ()),
    Case(
        "705",
        "starts while the previous is open or before it ends",
        {
            "DoLo": [
                D("1", "01/06/2026"),
                D("1", "01/05/2026", "01/05/2026"),
                D("1", "01/07/2026"),
                D("2", "01/05/2026", "10/05/2026"),
                D("2", "09/05/2026", "20/05/2026"),
            ]
        },
        # child 1: sorted 01/05 (closed), 01/06 (open), 01/07 -> 01/07 starts while 01/06 open
        (("DoLo", 4), ("DoLo", 6)),
    ),
    Case(
        "705",
        "each starts after the previous ended",
        {
            "DoLo": [
                D("1", "01/05/2026", "01/06/2026"),
                D("1", "01/06/2026"),
                D("2", "01/05/2026"),
            ]
        },
        (),
    ),
    Case(
        "706",
        "open last year, not carried",
        {"DoLo": [D("1", "01/05/2026"), D("2", "02/02/2026")]},
        (("DoLo_last", 2),),
        previous={
            "DoLo": [D("1", "01/02/2026"), D("2", "02/02/2026"), D("3", "01/01/2026", "01/02/2026")]
        },
    ),
    Case(
        "706",
        "open last year, carried with the same start",
        {"DoLo": [D("1", "1/2/2026", "01/05/2026")]},
        (),
        previous={"DoLo": [D("1", "01/02/2026"), D("2", "01/01/2026", "01/02/2026")]},
    ),
    Case(
        "707",
        "open DoLO, care ended",
        {
            "Episodes": [E("1", "01/04/2026", "01/08/2026"), E("2", "01/04/2026")],
            "DoLo": [D("1", "01/05/2026"), D("2", "01/05/2026")],
        },
        (("DoLo", 2),),
    ),
    Case(
        "707",
        "ended DoLO, or care continues",
        {
            "Episodes": [
                E("1", "01/04/2026", "01/08/2026"),
                E("2", "01/04/2026", "01/06/2026"),
                E("2", "01/06/2026"),
            ],
            "DoLo": [D("1", "01/05/2026", "01/07/2026"), D("2", "01/05/2026")],
        },
        (),
    ),
    Case(
        "708",
        "starts on or before birth",
        {"DoLo": [D("1", "01/01/2010"), D("2", "31/12/2009"), D("3", "02/01/2010")]},
        (("DoLo", 2), ("DoLo", 3)),
    ),
    Case("708", "starts after birth", {"DoLo": [D("1", "02/01/2010")]}, ()),
    Case(
        "709",
        "overlaps a foster placement",
        {
            "Episodes": [
                E("1", "01/04/2026", "01/06/2026", place="U4"),
                E("1", "01/06/2026", place="K2"),
                E("2", "01/04/2026", place="Z12"),
            ],
            "DoLo": [
                D("1", "01/05/2026", "10/05/2026"),
                D("1", "01/07/2026", "01/08/2026"),
                D("2", "01/05/2026", "01/08/2026"),
            ],
        },
        (("DoLo", 2),),
    ),
    Case(
        "709",
        "only in expected placements, or still open",
        {
            "Episodes": [
                E("1", "01/04/2026", "01/06/2026", place="U4"),
                E("1", "01/06/2026", place="K2"),
            ],
            "DoLo": [D("1", "02/06/2026", "01/08/2026"), D("1", "01/05/2026")],
        },
        (),
    ),
    Case(
        "710",
        "in a secure children's home",
        {
            "Episodes": [
                E("1", "01/04/2026", "01/06/2026", place="K1"),
                E("1", "01/06/2026", place="K2"),
            ],
            "DoLo": [D("1", "01/05/2026", "01/07/2026")],
        },
        (("DoLo", 2), ("Episodes", 2)),
    ),
    Case(
        "710",
        "barred placement outside the DoLO",
        {
            "Episodes": [
                E("1", "01/04/2026", "01/06/2026", place="K1"),
                E("1", "01/06/2026", place="K2"),
            ],
            "DoLo": [D("1", "02/06/2026", "01/07/2026")],
        },
        (),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{c.name}" for c in CASES])
def test_rule_case(tmp_path: Path, case: Case) -> None:
    ret = write_return(tmp_path, case.tables, previous=case.previous or None, year=YEAR)
    assert flagged_rows(case.code, ret) == list(case.expected)
