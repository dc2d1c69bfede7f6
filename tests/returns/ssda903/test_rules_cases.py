"""Rules with their own logic (2025/26): each has failing and passing cases, fed through the real
reader from CSV files. `CASES` is checked by test_rule_coverage: every registered rule needs a case
that flags rows and a case that flags none."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.returns.ssda903.helpers import flagged_rows, write_return

Tables = Mapping[str, Sequence[Mapping[str, str]]]


@dataclass(frozen=True)
class Case:
    code: str
    name: str
    tables: Tables
    expected: tuple[tuple[str, int], ...]
    previous: Tables = field(default_factory=dict)


def H(child: str, **values: str) -> dict[str, str]:
    return {"CHILD": child, "SEX": "F", "DOB": "01/01/2010", "ETHNIC": "WBRI", **values}


CASES: list[Case] = [
    # --- Header ---
    Case(
        "174",
        "male with mother's child dob",
        {"Header": [H("1", SEX="M", MC_DOB="01/01/2025")]},
        (("Header", 2),),
    ),
    Case(
        "174",
        "female mother",
        {"Header": [H("1", MOTHER="1", MC_DOB="01/01/2025"), H("2", SEX="M")]},
        (),
    ),
    Case("232", "sex unknown", {"Header": [H("1", SEX="u"), H("2")]}, (("Header", 2),)),
    Case("232", "sex known", {"Header": [H("1", SEX="M"), H("2")]}, ()),
    Case(
        "611",
        "mother without child dob",
        {"Header": [H("1", MOTHER="1"), H("2", MOTHER="0")]},
        (("Header", 2),),
    ),
    Case("611", "mother with child dob", {"Header": [H("1", MOTHER="1", MC_DOB="01/02/2025")]}, ()),
    Case(
        "612",
        "child dob but not a mother",
        {
            "Header": [
                H("1", MOTHER="0", MC_DOB="01/02/2025"),
                H("2", MC_DOB="31/31/19"),
                H("3", MOTHER="1", MC_DOB="01/02/2025"),
            ]
        },
        (("Header", 2), ("Header", 3)),
    ),
    Case(
        "612",
        "mother or no child dob",
        {"Header": [H("1", MOTHER="1", MC_DOB="01/02/2025"), H("2", MOTHER="0")]},
        (),
    ),
    Case(
        "620",
        "mother under 11 at 1 April 2025",
        {
            "Header": [
                H("1", MOTHER="1", DOB="02/04/2014", MC_DOB="01/02/2025"),
                H("2", MOTHER="1", DOB="01/04/2014", MC_DOB="01/02/2025"),
            ]
        },
        (("Header", 2),),
    ),
    Case(
        "620",
        "mother 11 or over",
        {
            "Header": [
                H("1", MOTHER="1", DOB="01/04/2014", MC_DOB="01/02/2025"),
                H("2", DOB="01/01/2020"),
            ]
        },
        (),
    ),
    Case(
        "621",
        "child born before mother",
        {
            "Header": [
                H("1", MOTHER="1", MC_DOB="01/01/2009"),
                H("2", MOTHER="1", MC_DOB="01/01/2010"),
            ]
        },
        (("Header", 2), ("Header", 3)),
    ),
    Case(
        "621",
        "child born after mother",
        {"Header": [H("1", MOTHER="1", MC_DOB="02/01/2010"), H("2")]},
        (),
    ),
    # --- Episodes ---
    Case(
        "148",
        "date without reason and reason without date",
        {
            "Episodes": [
                {"CHILD": "1", "DECOM": "01/04/2025", "DEC": "01/05/2025"},
                {"CHILD": "2", "DECOM": "01/04/2025", "REC": "E11"},
            ]
        },
        (("Episodes", 2), ("Episodes", 3)),
    ),
    Case(
        "148",
        "both or neither",
        {
            "Episodes": [
                {"CHILD": "1", "DECOM": "01/04/2025", "DEC": "01/05/2025", "REC": "X1"},
                {"CHILD": "1", "DECOM": "01/05/2025"},
            ]
        },
        (),
    ),
    Case(
        "178",
        "invalid provider, provider for a temporary placement",
        {
            "Episodes": [
                {"CHILD": "1", "PLACE": "U1", "PLACE_PROVIDER": "PR9"},
                {"CHILD": "2", "PLACE": "T0", "PLACE_PROVIDER": "PR1"},
                {"CHILD": "3", "PLACE": "Z12", "PLACE_PROVIDER": "pr4"},
            ]
        },
        (("Episodes", 2), ("Episodes", 3), ("Episodes", 4)),
    ),
    Case(
        "178",
        "valid provider, blank for temporary",
        {
            "Episodes": [
                {"CHILD": "1", "PLACE": "U1", "PLACE_PROVIDER": "PR1"},
                {"CHILD": "2", "PLACE": "T1"},
                {"CHILD": "3", "PLACE": "U1"},
            ]
        },
        (),
    ),
    Case(
        "550",
        "PR0 not with parents",
        {"Episodes": [{"CHILD": "1", "PLACE": "U1", "PLACE_PROVIDER": "PR0"}]},
        (("Episodes", 2),),
    ),
    Case(
        "550",
        "PR0 with parents",
        {
            "Episodes": [
                {"CHILD": "1", "PLACE": "P1", "PLACE_PROVIDER": "PR0"},
                {"CHILD": "2", "PLACE": "U1", "PLACE_PROVIDER": "PR1"},
            ]
        },
        (),
    ),
    Case(
        "142",
        "earlier episode left open (rows out of date order)",
        {
            "Episodes": [
                {"CHILD": "1", "DECOM": "01/06/2025"},
                {"CHILD": "1", "DECOM": "01/04/2025", "REC": "X1"},
                {"CHILD": "2", "DECOM": "01/04/2025", "DEC": "01/05/2025", "REC": "X1"},
                {"CHILD": "2", "DECOM": "01/05/2025"},
            ]
        },
        (("Episodes", 3),),
    ),
    Case(
        "142",
        "earlier episodes closed, latest open",
        {
            "Episodes": [
                {"CHILD": "1", "DECOM": "01/04/2025", "DEC": "01/06/2025", "REC": "X1"},
                {"CHILD": "1", "DECOM": "01/06/2025"},
                {"CHILD": "3", "DECOM": "31/06/2025"},
            ]
        },
        (),
    ),
    Case(
        "226",
        "temporary placement with a reason, and after a reason",
        {
            "Episodes": [
                {
                    "CHILD": "1",
                    "DECOM": "01/04/2025",
                    "PLACE": "U1",
                    "REASON_PLACE_CHANGE": "CARPL",
                },
                {"CHILD": "1", "DECOM": "11/04/2025", "PLACE": "T1"},
                {
                    "CHILD": "2",
                    "DECOM": "01/04/2025",
                    "PLACE": "T2",
                    "REASON_PLACE_CHANGE": "CHILD",
                },
            ]
        },
        (("Episodes", 3), ("Episodes", 4)),
    ),
    Case(
        "226",
        "temporary placement with no reasons",
        {
            "Episodes": [
                {"CHILD": "1", "DECOM": "01/04/2025", "PLACE": "U1"},
                {"CHILD": "1", "DECOM": "11/04/2025", "PLACE": "T1"},
                {
                    "CHILD": "1",
                    "DECOM": "21/04/2025",
                    "PLACE": "U1",
                    "REASON_PLACE_CHANGE": "CARPL",
                },
            ]
        },
        (),
    ),
    # --- PlacedAdoption ---
    Case(
        "119",
        "date without reason, reason without date",
        {
            "PlacedAdoption": [
                {"CHILD": "1", "DATE_PLACED_CEASED": "01/05/2025"},
                {"CHILD": "2", "REASON_PLACED_CEASED": "RD1"},
            ]
        },
        (("PlacedAdoption", 2), ("PlacedAdoption", 3)),
    ),
    Case(
        "119",
        "both or neither",
        {
            "PlacedAdoption": [
                {"CHILD": "1", "DATE_PLACED_CEASED": "01/05/2025", "REASON_PLACED_CEASED": "RD1"},
                {"CHILD": "2"},
            ]
        },
        (),
    ),
    Case(
        "522",
        "ceased before decision",
        {
            "PlacedAdoption": [
                {"CHILD": "1", "DATE_PLACED": "02/05/2025", "DATE_PLACED_CEASED": "01/05/2025"}
            ]
        },
        (("PlacedAdoption", 2),),
    ),
    Case(
        "522",
        "ceased on or after decision",
        {
            "PlacedAdoption": [
                {"CHILD": "1", "DATE_PLACED": "01/05/2025", "DATE_PLACED_CEASED": "01/05/2025"},
                {"CHILD": "2", "DATE_PLACED": "01/05/2025"},
            ]
        },
        (),
    ),
    Case(
        "184",
        "decision before birth",
        {
            "Header": [H("1", DOB="01/01/2024")],
            "PlacedAdoption": [{"CHILD": "1", "DOB": "01/01/2024", "DATE_PLACED": "31/12/2023"}],
        },
        (("PlacedAdoption", 2),),
    ),
    Case(
        "184",
        "decision after birth",
        {
            "Header": [H("1", DOB="01/01/2024")],
            "PlacedAdoption": [{"CHILD": "1", "DOB": "01/01/2024", "DATE_PLACED": "01/01/2024"}],
        },
        (),
    ),
    # --- OC3, AD1, OC2 ---
    Case(
        "153",
        "partly coded",
        {
            "OC3": [
                {"CHILD": "1", "IN_TOUCH": "YES"},
                {"CHILD": "2", "IN_TOUCH": "YES", "ACTIV": "F1"},
            ]
        },
        (("OC3", 2), ("OC3", 3)),
    ),
    Case(
        "153",
        "all or nothing",
        {"OC3": [{"CHILD": "1", "IN_TOUCH": "YES", "ACTIV": "F1", "ACCOM": "B1"}, {"CHILD": "2"}]},
        (),
    ),
    Case(
        "151",
        "partly coded",
        {"AD1": [{"CHILD": "1", "DATE_INT": "01/01/2025"}, {"CHILD": "2", "NB_ADOPTR": "1"}]},
        (("AD1", 2), ("AD1", 3)),
    ),
    Case(
        "151",
        "all or nothing",
        {
            "AD1": [
                {
                    "CHILD": "1",
                    "DATE_INT": "01/01/2025",
                    "DATE_MATCH": "01/02/2025",
                    "FOSTER_CARE": "0",
                    "NB_ADOPTR": "1",
                    "SEX_ADOPTR": "F1",
                    "LS_ADOPTR": "L0",
                },
                {"CHILD": "2"},
            ]
        },
        (),
    ),
    Case(
        "180",
        "out of range or not a number",
        {
            "OC2": [
                {"CHILD": "1", "SDQ_SCORE": "41"},
                {"CHILD": "2", "SDQ_SCORE": "XX"},
                {"CHILD": "3", "SDQ_SCORE": "39.5"},
            ]
        },
        (("OC2", 2), ("OC2", 3), ("OC2", 4)),
    ),
    Case(
        "180",
        "0 to 40 or blank",
        {
            "OC2": [
                {"CHILD": "1", "SDQ_SCORE": "0"},
                {"CHILD": "2", "SDQ_SCORE": "40"},
                {"CHILD": "3", "SDQ_SCORE": "20.0"},
                {"CHILD": "4"},
            ]
        },
        (),
    ),
    Case(
        "181", "a 2", {"OC2": [{"CHILD": "1", "CONVICTED": "1", "TEETH_CHECK": "2"}]}, (("OC2", 2),)
    ),
    Case(
        "181",
        "0, 1 or blank",
        {"OC2": [{"CHILD": "1", "CONVICTED": "1", "TEETH_CHECK": "0"}, {"CHILD": "2"}]},
        (),
    ),
    Case(
        "197a",
        "score and reason",
        {"OC2": [{"CHILD": "1", "SDQ_SCORE": "10", "SDQ_REASON": "SDQ1"}]},
        (("OC2", 2),),
    ),
    Case(
        "197a",
        "score or reason",
        {"OC2": [{"CHILD": "1", "SDQ_SCORE": "10"}, {"CHILD": "2", "SDQ_REASON": "SDQ1"}]},
        (),
    ),
    # --- Missing ---
    Case(
        "564",
        "type without start",
        {"Missing": [{"CHILD": "1", "MISSING": "M"}]},
        (("Missing", 2),),
    ),
    Case(
        "564",
        "type with start",
        {"Missing": [{"CHILD": "1", "MISSING": "M", "MIS_START": "01/05/2025"}]},
        (),
    ),
    Case(
        "565",
        "start without type",
        {"Missing": [{"CHILD": "1", "MIS_START": "01/05/2025"}]},
        (("Missing", 2),),
    ),
    Case(
        "565",
        "start with type",
        {"Missing": [{"CHILD": "1", "MISSING": "A", "MIS_START": "01/05/2025"}]},
        (),
    ),
    Case(
        "566",
        "end without type",
        {"Missing": [{"CHILD": "1", "MIS_END": "01/05/2025"}]},
        (("Missing", 2),),
    ),
    Case(
        "566",
        "end with type",
        {"Missing": [{"CHILD": "1", "MISSING": "A", "MIS_END": "01/05/2025"}]},
        (),
    ),
    Case(
        "567",
        "ends before it starts",
        {"Missing": [{"CHILD": "1", "MIS_START": "02/05/2025", "MIS_END": "01/05/2025"}]},
        (("Missing", 2),),
    ),
    Case(
        "567",
        "ends on or after start",
        {
            "Missing": [
                {"CHILD": "1", "MIS_START": "02/05/2025", "MIS_END": "02/05/2025"},
                {"CHILD": "2", "MIS_START": "02/05/2025"},
            ]
        },
        (),
    ),
    Case(
        "570",
        "starts after the year",
        {"Missing": [{"CHILD": "1", "MIS_START": "01/04/2026"}]},
        (("Missing", 2),),
    ),
    Case("570", "starts in the year", {"Missing": [{"CHILD": "1", "MIS_START": "31/03/2026"}]}, ()),
    Case(
        "571",
        "ends outside the year",
        {
            "Missing": [
                {"CHILD": "1", "MIS_END": "31/03/2025"},
                {"CHILD": "2", "MIS_END": "01/04/2026"},
            ]
        },
        (("Missing", 2), ("Missing", 3)),
    ),
    Case(
        "571",
        "ends in the year",
        {
            "Missing": [
                {"CHILD": "1", "MIS_END": "01/04/2025"},
                {"CHILD": "2", "MIS_END": "31/03/2026"},
            ]
        },
        (),
    ),
    Case(
        "586",
        "missing before birth",
        {"Missing": [{"CHILD": "1", "DOB": "01/06/2025", "MIS_START": "01/05/2025"}]},
        (("Missing", 2),),
    ),
    Case(
        "586",
        "missing after birth",
        {"Missing": [{"CHILD": "1", "DOB": "01/01/2010", "MIS_START": "01/05/2025"}]},
        (),
    ),
    # --- Reviews ---
    Case(
        "167",
        "review without valid code, code without review",
        {
            "Reviews": [
                {"CHILD": "1", "REVIEW": "01/05/2025", "REVIEW_CODE": "PR0"},
                {"CHILD": "2", "REVIEW": "01/05/2025"},
                {"CHILD": "3", "REVIEW_CODE": "PN1"},
            ]
        },
        (("Reviews", 2), ("Reviews", 3), ("Reviews", 4)),
    ),
    Case(
        "167",
        "review with code",
        {"Reviews": [{"CHILD": "1", "REVIEW": "01/05/2025", "REVIEW_CODE": "pn1"}]},
        (),
    ),
    # --- Header against last year ---
    Case(
        "202",
        "sex changed",
        {"Header": [H("1", SEX="M"), H("2")]},
        (("Header", 2),),
        {"Header": [H("1", SEX="F"), H("2")]},
    ),
    Case(
        "202",
        "sex unchanged or new child",
        {"Header": [H("1"), H("3", SEX="M")]},
        (),
        {"Header": [H("1")]},
    ),
    Case(
        "203",
        "dob changed",
        {"Header": [H("1", DOB="02/01/2010")]},
        (("Header", 2),),
        {"Header": [H("1")]},
    ),
    Case(
        "203",
        "dob unchanged",
        {"Header": [H("1")]},
        (),
        {"Header": [H("1"), H("2", DOB="01/01/2000")]},
    ),
    Case(
        "204",
        "ethnicity changed",
        {"Header": [H("1", ETHNIC="WIRI")]},
        (("Header", 2),),
        {"Header": [H("1")]},
    ),
    Case(
        "204", "ethnicity unchanged", {"Header": [H("1", ETHNIC="wbri")]}, (), {"Header": [H("1")]}
    ),
    # --- Integrity: a child in a table must be in the Header with the same DOB, once. ---
    Case(
        "INT21",
        "UASC sex differs",
        {"Header": [H("1")], "UASC": [{"CHILD": "1", "SEX": "M", "DOB": "01/01/2010"}]},
        (("UASC", 2),),
    ),
    Case(
        "INT21",
        "UASC sex agrees",
        {"Header": [H("1")], "UASC": [{"CHILD": "1", "SEX": "F", "DOB": "01/01/2010"}]},
        (),
    ),
]

_TABLE_OF = {
    "01": "AD1",
    "02": "PlacedAdoption",
    "03": "Episodes",
    "04": "Missing",
    "05": "OC2",
    "06": "OC3",
    "07": "PrevPerm",
    "08": "Reviews",
    "09": "UASC",
}
for _n, _table in _TABLE_OF.items():
    CASES.append(
        Case(
            f"INT{_n}",
            "child not in Header",
            {
                "Header": [H("1")],
                _table: [{"CHILD": "1", "DOB": "01/01/2010"}, {"CHILD": "2", "DOB": "01/01/2010"}],
            },
            ((_table, 3),),
        )
    )
    CASES.append(
        Case(
            f"INT{_n}",
            "child in Header",
            {"Header": [H("1"), H("2")], _table: [{"CHILD": "2", "DOB": "01/01/2010"}]},
            (),
        )
    )
for _n, _table in zip(
    ("11", "12", "13", "14", "15", "16", "17", "18"),
    list(_TABLE_OF.values())[:2] + list(_TABLE_OF.values())[3:],
    strict=True,
):
    CASES.append(
        Case(
            f"INT{_n}",
            "DOB differs",
            {
                "Header": [H("1")],
                _table: [{"CHILD": "1", "DOB": "02/01/2010"}, {"CHILD": "1", "DOB": ""}],
            },
            ((_table, 2), (_table, 3)),
        )
    )
    CASES.append(
        Case(
            f"INT{_n}",
            "DOB agrees",
            {
                "Header": [H("1")],
                _table: [{"CHILD": "1", "DOB": "01/01/2010"}, {"CHILD": "9", "DOB": "01/01/2000"}],
            },
            (),
        )
    )
for _n, _table in (
    ("31", "AD1"),
    ("32", "Header"),
    ("33", "OC2"),
    ("34", "OC3"),
    ("35", "PrevPerm"),
    ("36", "UASC"),
):
    _row = H if _table == "Header" else (lambda child: {"CHILD": child, "DOB": "01/01/2010"})
    CASES.append(
        Case(
            f"INT{_n}",
            "child twice",
            {_table: [_row("1"), _row("2"), _row("1")]},
            ((_table, 2), (_table, 4)),
        )
    )
    CASES.append(Case(f"INT{_n}", "child once", {_table: [_row("1"), _row("2")]}, ()))


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{c.name}" for c in CASES])
def test_rule_case(tmp_path: Path, case: Case) -> None:
    ret = write_return(tmp_path, case.tables, previous=case.previous or None)
    assert flagged_rows(case.code, ret) == list(case.expected)
