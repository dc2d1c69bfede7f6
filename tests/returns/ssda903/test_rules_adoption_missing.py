"""Adoption decision and placement dates, and missing periods against episodes (2025/26):
failing and passing cases through the real reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.returns.ssda903.helpers import flagged_rows, write_return
from tests.returns.ssda903.test_rules_cases import Case
from tests.returns.ssda903.test_rules_episodes_ages import E

# Child 1 came into care on 01/01/2024 and was placed for adoption (A4) on 01/05/2025.
CARE = [
    E("1", "01/01/2024", RNE="S", PLACE="U1", DEC="01/05/2025", REC="X1"),
    E("1", "01/05/2025", RNE="P", PLACE="A4", LS="E1"),
]


def AD(**values: str) -> dict[str, str]:
    return {
        "CHILD": "1",
        "DATE_INT": "01/03/2025",
        "DATE_MATCH": "01/04/2025",
        "FOSTER_CARE": "0",
        "NB_ADOPTR": "1",
        "SEX_ADOPTR": "F1",
        "LS_ADOPTR": "L0",
        **values,
    }


def PA(**values: str) -> dict[str, str]:
    return {"CHILD": "1", "DATE_PLACED": "01/03/2025", **values}


def M(start: str, end: str = "", child: str = "1") -> dict[str, str]:
    return {"CHILD": child, "DOB": "01/01/2010", "MISSING": "M", "MIS_START": start, "MIS_END": end}


CASES: list[Case] = [
    Case(
        "331",
        "matched after placement",
        {"Episodes": CARE, "AD1": [AD(DATE_MATCH="02/05/2025")]},
        (("AD1", 2), ("Episodes", 3)),
    ),
    Case(
        "331",
        "matched on placement day",
        {"Episodes": CARE, "AD1": [AD(DATE_MATCH="01/05/2025")]},
        (),
    ),
    Case(
        "521",
        "decided after placement",
        {"Episodes": CARE, "AD1": [AD(DATE_INT="02/05/2025")]},
        (("AD1", 2), ("Episodes", 3)),
    ),
    Case("521", "decided before placement", {"Episodes": CARE, "AD1": [AD()]}, ()),
    Case(
        "334",
        "decided before care began",
        {"Episodes": CARE, "AD1": [AD(DATE_INT="31/12/2023")]},
        (("AD1", 2),),
    ),
    Case(
        "334",
        "decided after care began",
        {"Episodes": CARE, "AD1": [AD(DATE_INT="01/01/2024")]},
        (),
    ),
    Case(
        "1003",
        "decision before care began",
        {"Episodes": CARE, "PlacedAdoption": [PA(DATE_PLACED="31/12/2023")]},
        (("PlacedAdoption", 2),),
    ),
    Case("1003", "decision after care began", {"Episodes": CARE, "PlacedAdoption": [PA()]}, ()),
    Case(
        "554",
        "decision after the placement order",
        {"Episodes": CARE, "PlacedAdoption": [PA(DATE_PLACED="02/05/2025")]},
        (("Episodes", 3), ("PlacedAdoption", 2)),
    ),
    Case(
        "554",
        "decision before the placement order",
        {"Episodes": CARE, "PlacedAdoption": [PA()]},
        (),
    ),
    Case(
        "582",
        "adopted on the day matched",
        {
            "Episodes": [E("1", "01/05/2025", PLACE="A4", DEC="01/09/2025", REC="E11")],
            "AD1": [AD(DATE_MATCH="01/09/2025")],
        },
        (("AD1", 2), ("Episodes", 2)),
    ),
    Case(
        "582",
        "adopted after matching",
        {
            "Episodes": [E("1", "01/05/2025", PLACE="A4", DEC="01/09/2025", REC="E11")],
            "AD1": [AD()],
        },
        (),
    ),
    Case(
        "558",
        "adopted but the decision recorded as ceased",
        {
            "Episodes": [E("1", "01/05/2025", PLACE="A4", DEC="01/09/2025", REC="E12")],
            "PlacedAdoption": [PA(DATE_PLACED_CEASED="01/08/2025", REASON_PLACED_CEASED="RD4")],
        },
        (("Episodes", 2), ("PlacedAdoption", 2)),
    ),
    Case(
        "558",
        "adopted, decision open",
        {
            "Episodes": [E("1", "01/05/2025", PLACE="A4", DEC="01/09/2025", REC="E12")],
            "PlacedAdoption": [PA()],
        },
        (),
    ),
    Case(
        "553",
        "placement order without decision",
        {"Episodes": CARE, "PlacedAdoption": [{"CHILD": "2", "DATE_PLACED": "01/03/2025"}]},
        (("Episodes", 3),),
    ),
    Case("553", "placement order with decision", {"Episodes": CARE, "PlacedAdoption": [PA()]}, ()),
    Case(
        "525",
        "reversed decision and adopted",
        {
            "PlacedAdoption": [PA(DATE_PLACED_CEASED="01/04/2025", REASON_PLACED_CEASED="RD1")],
            "AD1": [AD()],
        },
        (("AD1", 2), ("PlacedAdoption", 2)),
    ),
    Case("525", "decision not reversed", {"PlacedAdoption": [PA()], "AD1": [AD()]}, ()),
    Case(
        "583",
        "second decision, first not revoked",
        {"PlacedAdoption": [PA(DATE_PLACED="01/06/2025"), PA()]},
        (("PlacedAdoption", 2),),
    ),
    Case(
        "583",
        "second decision after the first was revoked",
        {
            "PlacedAdoption": [
                PA(DATE_PLACED="01/06/2025"),
                PA(DATE_PLACED_CEASED="01/04/2025", REASON_PLACED_CEASED="RD1"),
            ]
        },
        (),
    ),
    Case(
        "579",
        "new decision before the previous ceased",
        {
            "PlacedAdoption": [
                PA(DATE_PLACED="01/06/2025"),
                PA(DATE_PLACED_CEASED="01/07/2025", REASON_PLACED_CEASED="RD1"),
            ]
        },
        (("PlacedAdoption", 2),),
    ),
    Case(
        "579",
        "new decision after the previous ceased",
        {
            "PlacedAdoption": [
                PA(DATE_PLACED="01/06/2025"),
                PA(DATE_PLACED_CEASED="01/06/2025", REASON_PLACED_CEASED="RD1"),
            ]
        },
        (),
    ),
    Case(
        "577",
        "left care with a missing period open",
        {
            "Episodes": [E("1", "01/01/2025", DEC="01/06/2025", REC="E13")],
            "Missing": [M("01/05/2025"), M("01/04/2025", "02/04/2025")],
        },
        (("Missing", 2),),
    ),
    Case(
        "577",
        "still in care, or missing period ended",
        {
            "Episodes": [
                E("1", "01/01/2025", DEC="01/06/2025", REC="X1"),
                E("1", "01/06/2025"),
                E("2", "01/01/2025", DEC="01/06/2025", REC="E13"),
            ],
            "Missing": [M("01/05/2025"), M("01/05/2025", "02/05/2025", "2")],
        },
        (),
    ),
    Case(
        "581",
        "missing before care",
        {"Episodes": [E("1", "01/05/2025")], "Missing": [M("30/04/2025", "01/05/2025")]},
        (("Missing", 2),),
    ),
    Case(
        "581",
        "missing while in care",
        {
            "Episodes": [E("1", "01/05/2025")],
            "Missing": [M("01/05/2025", "02/05/2025"), M("01/01/2025", "", "2")],
        },
        (),
    ),
]


def EP(
    child: str, decom: str, rne: str, ls: str, place: str, post: str = "B2 2BB", **values: str
) -> dict[str, str]:
    """An episode with its reason, legal status, placement type and postcode."""
    return E(
        child, decom, RNE=rne, LS=ls, PLACE=place, PL_POST=post, PLACE_PROVIDER="PR1", **values
    )


# What changed between consecutive episodes, temporary placements and respite.
CASES += [
    Case(
        "434",
        "L but legal status unchanged; L but placement moved",
        {
            "Episodes": [
                EP("1", "01/04/2025", "S", "C1", "U1"),
                EP("1", "01/05/2025", "L", "C1", "U1"),
                EP("1", "01/06/2025", "L", "C2", "U4"),
            ]
        },
        (("Episodes", 3), ("Episodes", 4)),
    ),
    Case(
        "434",
        "L with a new legal status in the same placement",
        {
            "Episodes": [
                EP("1", "01/04/2025", "S", "C1", "U1"),
                EP("1", "01/05/2025", "L", "C2", "U1"),
            ]
        },
        (),
    ),
    Case(
        "435",
        "P but legal status changed; P but placement unchanged",
        {
            "Episodes": [
                EP("1", "01/04/2025", "S", "C1", "U1"),
                EP("1", "01/05/2025", "P", "C2", "U4"),
                EP("1", "01/06/2025", "P", "C2", "U4"),
            ]
        },
        (("Episodes", 3), ("Episodes", 4)),
    ),
    Case(
        "435",
        "P with a new postcode only",
        {
            "Episodes": [
                EP("1", "01/04/2025", "S", "C1", "U1"),
                EP("1", "01/05/2025", "P", "C1", "U1", post="B3 3CC"),
            ]
        },
        (),
    ),
    Case(
        "436",
        "B but legal status unchanged; B but placement unchanged",
        {
            "Episodes": [
                EP("1", "01/04/2025", "S", "C1", "U1"),
                EP("1", "01/05/2025", "B", "C1", "U4"),
                EP("1", "01/06/2025", "B", "C2", "U4"),
            ]
        },
        (("Episodes", 3), ("Episodes", 4)),
    ),
    Case(
        "436",
        "B with both changed",
        {
            "Episodes": [
                EP("1", "01/04/2025", "S", "C1", "U1"),
                EP("1", "01/05/2025", "B", "C2", "U4"),
            ]
        },
        (),
    ),
    Case(
        "516",
        "SGO from a children's home",
        {"Episodes": [E("1", "01/04/2025", PLACE="K2", DEC="01/06/2025", REC="E45")]},
        (("Episodes", 2),),
    ),
    Case(
        "516",
        "SGO from foster care",
        {"Episodes": [E("1", "01/04/2025", PLACE="U3", DEC="01/06/2025", REC="E46")]},
        (),
    ),
    Case(
        "365",
        "respite over 17 days; open respite counted to 31 March",
        {
            "Episodes": [
                E("1", "01/05/2025", LS="V3", DEC="19/05/2025", REC="E13"),
                E("2", "01/03/2026", LS="V3"),
            ]
        },
        (("Episodes", 2), ("Episodes", 3)),
    ),
    Case(
        "365",
        "respite of 17 days",
        {
            "Episodes": [
                E("1", "01/05/2025", LS="V3", DEC="18/05/2025", REC="E13"),
                E("2", "20/03/2026", LS="V3"),
            ]
        },
        (),
    ),
    Case(
        "336",
        "A3 after a children's home",
        {
            "Episodes": [
                E("1", "01/04/2025", PLACE="K2", DEC="01/05/2025", REC="X1"),
                E("1", "01/05/2025", PLACE="A3"),
            ]
        },
        (("Episodes", 3),),
    ),
    Case(
        "336",
        "A5 after foster care; A3 first in the return",
        {
            "Episodes": [
                E("1", "01/04/2025", PLACE="U4", DEC="01/05/2025", REC="X1"),
                E("1", "01/05/2025", PLACE="A5"),
                E("2", "01/05/2025", PLACE="A3"),
            ]
        },
        (),
    ),
    Case(
        "383",
        "after a temporary placement, not back to the placement before",
        {
            "Episodes": [
                EP("1", "01/04/2025", "S", "C1", "U1"),
                EP("1", "01/05/2025", "P", "C1", "T3"),
                EP("1", "10/05/2025", "P", "C1", "U4"),
            ]
        },
        (("Episodes", 4),),
    ),
    Case(
        "383",
        "back to the placement before",
        {
            "Episodes": [
                EP("1", "01/04/2025", "S", "C1", "U1"),
                EP("1", "01/05/2025", "P", "C1", "T3"),
                EP("1", "10/05/2025", "P", "C1", "U1"),
            ]
        },
        (),
    ),
]


def HD(child: str, upn: str) -> dict[str, str]:
    return {
        "CHILD": child,
        "SEX": "F",
        "DOB": "01/01/2012",
        "ETHNIC": "WBRI",
        "UPN": upn,
        "MOTHER": "0",
    }


# UPN format, Ofsted URNs and previous permanence.
CASES += [
    Case(
        "168",
        "malformed UPNs",
        {
            "Header": [
                HD("1", "I072272729588"),
                HD("2", "A0123456789"),
                HD("3", "UN7"),
                HD("4", "5035247309594"),
            ]
        },
        (("Header", 2), ("Header", 3), ("Header", 4), ("Header", 5)),
    ),
    Case(
        "168",
        "valid UPNs and unknown codes",
        {
            "Header": [
                HD("1", "A123456789012"),
                HD("2", "b12345678901c"),
                HD("3", "UN5"),
                HD("4", ""),
            ]
        },
        (),
    ),
    Case(
        "222",
        "URN for a placement with parents",
        {"Episodes": [E("1", "01/05/2025", PLACE="P1", URN="SC123456")]},
        (("Episodes", 2),),
    ),
    Case(
        "222",
        "URN for foster care; XXXXXXX for parents",
        {
            "Episodes": [
                E("1", "01/05/2025", PLACE="U1", URN="SC123456"),
                E("2", "01/05/2025", PLACE="P1", URN="XXXXXXX"),
            ]
        },
        (),
    ),
    Case(
        "218",
        "foster placement without URN, open or ended this year",
        {
            "Episodes": [
                E("1", "01/05/2025", PLACE="U1"),
                E("2", "01/01/2025", PLACE="K2", DEC="01/04/2025", REC="E13"),
            ]
        },
        (("Episodes", 2), ("Episodes", 3)),
    ),
    Case(
        "218",
        "URN given; placement without URN; outside England; ended last year",
        {
            "Episodes": [
                E("1", "01/05/2025", PLACE="U1", URN="SC123456"),
                E("2", "01/05/2025", PLACE="R1"),
                E("3", "01/05/2025", PLACE="K2", PL_LA="WAL"),
                E("4", "01/01/2025", PLACE="K2", DEC="31/03/2025", REC="E13"),
            ]
        },
        (),
    ),
    Case(
        "630",
        "started care without previous permanence, or incomplete",
        {
            "Episodes": [E("1", "01/05/2025", RNE="S"), E("2", "01/05/2025", RNE="S")],
            "PrevPerm": [{"CHILD": "2", "DOB": "01/01/2012", "PREV_PERM": "P1", "LA_PERM": "330"}],
        },
        (("Episodes", 2), ("Episodes", 3)),
    ),
    Case(
        "630",
        "Z1, complete, or started before the year",
        {
            "Episodes": [
                E("1", "01/05/2025", RNE="S"),
                E("2", "01/05/2025", RNE="S"),
                E("3", "31/03/2025", RNE="S"),
            ],
            "PrevPerm": [
                {"CHILD": "1", "DOB": "01/01/2012", "PREV_PERM": "Z1"},
                {
                    "CHILD": "2",
                    "DOB": "01/01/2012",
                    "PREV_PERM": "P1",
                    "LA_PERM": "330",
                    "DATE_PERM": "01/01/2020",
                },
            ],
        },
        (),
    ),
]


def OC3(child: str, **values: str) -> dict[str, str]:
    return {"CHILD": child, "DOB": "01/01/2007", **values}


# Care leavers who died, moved authority or were adopted earlier; mothers among care leavers.
CASES += [
    Case(
        "1000",
        "died in care this year or last",
        {
            "Episodes": [E("1", "01/05/2025", DEC="01/06/2025", REC="E2")],
            "OC3": [OC3("1", IN_TOUCH="DIED"), OC3("2")],
        },
        (("OC3", 2), ("OC3", 3)),
        {"Episodes": [E("2", "01/05/2024", DEC="01/06/2024", REC="E2")]},
    ),
    Case(
        "1000",
        "left care otherwise",
        {
            "Episodes": [E("1", "01/05/2025", DEC="01/06/2025", REC="E13")],
            "OC3": [OC3("1", IN_TOUCH="YES")],
        },
        (),
    ),
    Case(
        "1011",
        "care transferred in the final episode",
        {
            "Episodes": [
                E("1", "01/05/2025", DEC="01/06/2025", REC="X1"),
                E("1", "01/06/2025", DEC="01/07/2025", REC="E3"),
            ],
            "OC3": [OC3("1", IN_TOUCH="YES")],
        },
        (("OC3", 2),),
    ),
    Case(
        "1011",
        "transferred earlier, or no care leaver data",
        {
            "Episodes": [
                E("1", "01/05/2025", DEC="01/06/2025", REC="E3"),
                E("1", "01/07/2025"),
                E("2", "01/05/2025", DEC="01/06/2025", REC="E3"),
            ],
            "OC3": [OC3("1", IN_TOUCH="YES"), OC3("2")],
        },
        (),
    ),
    Case(
        "199",
        "episodes after an adoption this year or last",
        {
            "Episodes": [
                E("1", "01/05/2025", DEC="01/06/2025", REC="E11"),
                E("1", "01/09/2025"),
                E("2", "01/05/2025"),
            ]
        },
        (("Episodes", 3), ("Episodes", 4)),
        {"Episodes": [E("2", "01/05/2024", DEC="01/06/2024", REC="E12")]},
    ),
    Case(
        "199",
        "the adoption itself",
        {
            "Episodes": [
                E("1", "01/04/2025", DEC="01/05/2025", REC="X1"),
                E("1", "01/05/2025", DEC="01/06/2025", REC="E11"),
            ]
        },
        (),
    ),
    Case(
        "628",
        "mother field for a care leaver not looked after",
        {
            "Header": [
                {"CHILD": "1", "SEX": "F", "DOB": "01/01/2007", "ETHNIC": "WBRI", "MOTHER": "0"}
            ],
            "Episodes": [E("2", "01/05/2025")],
            "OC3": [OC3("1", IN_TOUCH="YES")],
        },
        (("Header", 2),),
    ),
    Case(
        "628",
        "care leaver still looked after; mother field blank",
        {
            "Header": [
                {"CHILD": "1", "SEX": "F", "DOB": "01/01/2007", "ETHNIC": "WBRI", "MOTHER": "0"},
                {"CHILD": "2", "SEX": "F", "DOB": "01/01/2007", "ETHNIC": "WBRI"},
            ],
            "Episodes": [E("1", "01/05/2025")],
            "OC3": [OC3("1", IN_TOUCH="YES"), OC3("2", IN_TOUCH="YES")],
        },
        (),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{c.name}" for c in CASES])
def test_rule_case(tmp_path: Path, case: Case) -> None:
    ret = write_return(tmp_path, case.tables, previous=case.previous or None)
    assert flagged_rows(case.code, ret) == list(case.expected)
