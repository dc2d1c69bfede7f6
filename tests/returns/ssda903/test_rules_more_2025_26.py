"""2025/26 rules added after the first batch (legal-status runs, short breaks, postcodes, category
of need, UPN UN4, social worker reporting year): failing and passing cases fed through the real
reader from CSV files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.returns.ssda903.helpers import flagged_rows, write_return
from tests.returns.ssda903.test_rules_cases import Case, H


def E(child: str, decom: str, **values: str) -> dict[str, str]:
    """An Episodes row."""
    return {"CHILD": child, "DECOM": decom, **values}


def SW(child: str, decom: str, dec: str = "") -> dict[str, str]:
    return {"CHILD": child, "SW_ID": "SW1", "SW_DECOM": decom, "SW_DEC": dec, "SW_REASON": "MANAGE"}


def PA(child: str, placed: str, ceased: str = "", reason: str = "") -> dict[str, str]:
    return {
        "CHILD": child,
        "DOB": "01/01/2020",
        "DATE_PLACED": placed,
        "DATE_PLACED_CEASED": ceased,
        "REASON_PLACED_CEASED": reason,
    }


def OC3(child: str) -> dict[str, str]:
    return {"CHILD": child, "DOB": "01/01/2006", "IN_TOUCH": "YES", "ACTIV": "F1", "ACCOM": "S2"}


CASES: list[Case] = [
    Case(
        "364",
        "PACE detention over 21 days across two episodes",
        {
            "Episodes": [
                E("1", "01/05/2025", DEC="15/05/2025", LS="J2", REC="X1"),
                E("1", "15/05/2025", DEC="25/05/2025", LS="J2"),
                E("2", "01/05/2025", DEC="20/05/2025", LS="J2"),
                E("3", "20/03/2026", LS="J2"),
            ]
        },
        (("Episodes", 2), ("Episodes", 3)),
    ),
    Case(
        "364",
        "PACE detention of 21 days or less",
        {
            "Episodes": [
                E("1", "01/05/2025", DEC="22/05/2025", LS="J2", REC="X1"),
                E("1", "22/05/2025", DEC="30/06/2025", LS="C2"),
                E("2", "11/03/2026", LS="J2"),
            ]
        },
        (),
    ),
    Case(
        "366",
        "short break not starting a period of care",
        {"Episodes": [E("1", "01/05/2025", LS="V3", RNE="P"), E("2", "01/05/2025", LS="v3")]},
        (("Episodes", 2), ("Episodes", 3)),
    ),
    Case(
        "366",
        "short break starting a period of care, or another status",
        {
            "Episodes": [
                E("1", "01/05/2025", LS="V3", RNE="S"),
                E("2", "01/05/2025", LS="V4", RNE="P"),
            ]
        },
        (),
    ),
    Case(
        "392d",
        "placed at the home postcode away from parents",
        {
            "Episodes": [
                E("1", "01/05/2025", PLACE="U1", HOME_POST="B1 1AA", PL_POST="b11aa"),
                E("2", "01/05/2025", HOME_POST="B1 1AA", PL_POST="B1 1AA"),
            ]
        },
        (("Episodes", 2), ("Episodes", 3)),
    ),
    Case(
        "392d",
        "with parents, or a different or blank postcode",
        {
            "Episodes": [
                E("1", "01/05/2025", PLACE="P1", HOME_POST="B1 1AA", PL_POST="B1 1AA"),
                E("2", "01/05/2025", PLACE="U1", HOME_POST="B1 1AA", PL_POST="B2 2BB"),
                E("3", "01/05/2025", PLACE="U1"),
            ]
        },
        (),
    ),
    Case(
        "398",
        "short break with a postcode",
        {
            "Episodes": [
                E("1", "01/05/2025", LS="V3", HOME_POST="B1 1AA"),
                E("2", "01/05/2025", LS="V4", PL_POST="B1 1AA"),
                E("3", "01/05/2025", LS="C2", PL_POST="B1 1AA"),
            ]
        },
        (("Episodes", 2), ("Episodes", 3)),
    ),
    Case(
        "398",
        "short break without postcodes",
        {"Episodes": [E("1", "01/05/2025", LS="V3"), E("2", "01/05/2025", LS="C2", PL_POST="B1")]},
        (),
    ),
    Case(
        "399",
        "short-break-only child with mother and review fields",
        {
            "Header": [H("1", MOTHER="0"), H("2"), H("3", MOTHER="1")],
            "Episodes": [
                E("1", "01/05/2025", LS="V3"),
                E("1", "01/06/2025", LS="V4"),
                E("2", "01/05/2025", LS="V3"),
                E("3", "01/05/2025", LS="V3"),
                E("3", "01/06/2025", LS="C2"),
            ],
            "Reviews": [
                {"CHILD": "2", "DOB": "01/01/2010", "REVIEW": "01/06/2025"},
                {"CHILD": "2", "DOB": "01/01/2010"},
                {"CHILD": "3", "DOB": "01/01/2010", "REVIEW_CODE": "PN1"},
            ],
        },
        # child 1: mother given; child 2: a review; child 3 has a C2 episode
        (("Episodes", 2), ("Episodes", 3), ("Episodes", 4), ("Header", 2), ("Reviews", 2)),
    ),
    Case(
        "399",
        "short-break-only child with nothing else given",
        {
            "Header": [H("1"), H("2", MOTHER="1")],
            "Episodes": [E("1", "01/05/2025", LS="V3"), E("2", "01/05/2025", LS="C2")],
            "Reviews": [{"CHILD": "2", "DOB": "01/01/2010", "REVIEW": "01/06/2025"}],
        },
        (),
    ),
    Case(
        "504",
        "category of need changes within a period of care",
        {
            "Episodes": [
                E("1", "01/05/2025", DEC="01/06/2025", REC="X1", CIN="N1"),
                E("1", "01/06/2025", DEC="01/07/2025", REC="X1", CIN="N2"),
                E("1", "01/07/2025", CIN="N2"),
            ]
        },
        (("Episodes", 3),),
    ),
    Case(
        "504",
        "category of need changes only with a new period of care",
        {
            "Episodes": [
                E("1", "01/05/2025", DEC="01/06/2025", REC="E13", CIN="N1"),
                E("1", "01/06/2025", CIN="N2"),
                E("2", "01/05/2025", DEC="01/06/2025", REC="X1", CIN="N1"),
                E("2", "01/06/2025", CIN="n1"),
            ]
        },
        (),
    ),
    Case(
        "210",
        "UN4 child starting care in the last week",
        {
            "Header": [H("1", UPN="UN4"), H("2", UPN="UN4")],
            "Episodes": [
                E("1", "01/05/2025", DEC="01/06/2025"),
                E("1", "24/03/2026"),
                E("2", "23/03/2026"),
            ],
        },
        (("Episodes", 3), ("Header", 2)),
    ),
    Case(
        "210",
        "UN4 child in care longer, or a late start with another UPN",
        {
            "Header": [H("1", UPN="UN4"), H("2", UPN="UN3")],
            "Episodes": [E("1", "23/03/2026"), E("2", "30/03/2026")],
        },
        (),
    ),
    Case(
        "SW06STG2",
        "social worker episode starting after 31 March",
        {"SWEpisodes": [SW("1", "31/03/2026"), SW("2", "01/04/2026")]},
        (("SWEpisodes", 3),),
    ),
    Case(
        "SW06STG2",
        "social worker episodes starting in or before the year",
        {"SWEpisodes": [SW("1", "01/01/2024"), SW("2", "31/03/2026"), SW("3", "")]},
        (),
    ),
    Case(
        "SW07STG2",
        "social worker episode ending outside the year",
        {
            "SWEpisodes": [
                SW("1", "01/01/2025", "31/03/2025"),
                SW("2", "01/01/2025", "01/04/2025"),
                SW("3", "01/01/2026", "01/04/2026"),
            ]
        },
        (("SWEpisodes", 2), ("SWEpisodes", 4)),
    ),
    Case(
        "SW07STG2",
        "social worker episode ending in the year or open",
        {"SWEpisodes": [SW("1", "01/01/2025", "31/03/2026"), SW("2", "01/01/2025")]},
        (),
    ),
    Case(
        "626",
        "mother of a child born before the year, not a mother last year",
        {
            "Header": [
                H("1", MOTHER="1", MC_DOB="31/03/2025"),
                H("2", MOTHER="1", MC_DOB="01/04/2025"),
                H("3", MOTHER="1", MC_DOB="01/01/2025"),
            ]
        },
        (("Header", 2),),
        previous={"Header": [H("1", MOTHER="0"), H("2", MOTHER="0"), H("3", MOTHER="1")]},
    ),
    Case(
        "626",
        "mother status consistent with last year",
        {"Header": [H("1", MOTHER="1", MC_DOB="31/03/2025"), H("2", MOTHER="0")]},
        (),
        previous={"Header": [H("1", MOTHER="1"), H("2", MOTHER="0")]},
    ),
    Case(
        "357",
        "first episode this year not starting care",
        {
            "Episodes": [
                E("1", "01/05/2025", RNE="P"),
                E("1", "01/06/2025", RNE="P"),
                E("2", "01/04/2025"),
                E("3", "01/05/2025", RNE="S"),
                E("3", "01/06/2025", RNE="L"),
            ]
        },
        (("Episodes", 2), ("Episodes", 4)),
    ),
    Case(
        "357",
        "first episode starts care, or started before the year",
        {
            "Episodes": [
                E("1", "01/05/2025", RNE="S"),
                E("1", "01/06/2025", RNE="P"),
                E("2", "31/03/2025", RNE="P"),
            ]
        },
        (),
    ),
    Case(
        "634",
        "previous permanence for a child in care since before April 2016",
        {
            "Episodes": [E("1", "01/01/2015"), E("1", "31/03/2016"), E("2", "01/01/2015")],
            "PrevPerm": [
                {"CHILD": "1", "DOB": "01/01/2010", "PREV_PERM": "Z1"},
                {"CHILD": "2", "DOB": "01/01/2010"},
            ],
        },
        (("Episodes", 2), ("Episodes", 3), ("PrevPerm", 2)),
    ),
    Case(
        "634",
        "previous permanence for a child starting care since April 2016",
        {
            "Episodes": [E("1", "01/01/2015"), E("1", "01/04/2016")],
            "PrevPerm": [{"CHILD": "1", "DOB": "01/01/2010", "DATE_PERM": "01/01/2014"}],
        },
        (),
    ),
    Case(
        "1012",
        "rows for a child with no episodes",
        {
            "Episodes": [E("1", "01/05/2025")],
            "Reviews": [
                {"CHILD": "1", "DOB": "01/01/2010", "REVIEW": "01/06/2025"},
                {"CHILD": "9", "DOB": "01/01/2010", "REVIEW": "01/06/2025"},
            ],
            "OC2": [{"CHILD": "9", "DOB": "01/01/2010"}],
        },
        (("OC2", 2), ("Reviews", 3)),
    ),
    Case(
        "1012",
        "rows only for children with episodes",
        {
            "Episodes": [E("1", "01/05/2025")],
            "Missing": [{"CHILD": "1", "DOB": "01/01/2010", "MIS_START": "01/06/2025"}],
            "OC3": [{"CHILD": "9", "DOB": "01/01/2000", "IN_TOUCH": "YES"}],
        },
        (),
    ),
    Case(
        "576",
        "open missing period last year not carried into this year",
        {
            "Missing": [
                {"CHILD": "1", "DOB": "01/01/2010", "MIS_START": "10/06/2025"},
                {"CHILD": "1", "DOB": "01/01/2010", "MIS_START": "02/04/2025"},
                {"CHILD": "2", "DOB": "01/01/2010", "MIS_START": "20/03/2025"},
            ]
        },
        (("Missing", 3),),
        previous={
            "Missing": [
                {"CHILD": "1", "DOB": "01/01/2010", "MIS_START": "20/03/2025"},
                {"CHILD": "2", "DOB": "01/01/2010", "MIS_START": "20/03/2025"},
            ]
        },
    ),
    Case(
        "576",
        "open period carried, or last year's period closed",
        {
            "Missing": [
                {"CHILD": "1", "DOB": "01/01/2010", "MIS_START": "20/03/2025"},
                {"CHILD": "2", "DOB": "01/01/2010", "MIS_START": "01/05/2025"},
            ]
        },
        (),
        previous={
            "Missing": [
                {"CHILD": "1", "DOB": "01/01/2010", "MIS_START": "20/3/2025"},
                {
                    "CHILD": "2",
                    "DOB": "01/01/2010",
                    "MIS_START": "01/03/2025",
                    "MIS_END": "02/03/2025",
                },
            ]
        },
    ),
    Case(
        "1014",
        "UASC row for a care leaver",
        {
            "Episodes": [E("2", "01/01/2024", DEC="01/02/2024"), E("3", "01/05/2025")],
            "UASC": [
                {"CHILD": "1", "DOB": "01/01/2005"},
                {"CHILD": "2", "DOB": "01/01/2005"},
                {"CHILD": "3", "DOB": "01/01/2008"},
            ],
            "OC3": [
                {"CHILD": "1", "DOB": "01/01/2005", "IN_TOUCH": "YES"},
                {"CHILD": "2", "DOB": "01/01/2005", "ACCOM": "S2"},
                {"CHILD": "3", "DOB": "01/01/2008", "ACTIV": "F1"},
            ],
        },
        (("OC3", 2), ("OC3", 3), ("UASC", 2), ("UASC", 3)),
    ),
    Case(
        "1014",
        "UASC rows for children looked after this year",
        {
            "Episodes": [E("1", "01/01/2024", DEC="01/04/2025")],
            "UASC": [{"CHILD": "1", "DOB": "01/01/2005"}],
            "OC3": [
                {"CHILD": "1", "DOB": "01/01/2005", "IN_TOUCH": "YES"},
                {"CHILD": "4", "DOB": "01/01/2005", "IN_TOUCH": "YES"},
            ],
        },
        (),
    ),
    Case(
        "580",
        "ceased at 18 while missing, reason not E8",
        {
            "Episodes": [
                E("1", "01/01/2025", DEC="10/06/2025", REC="E13"),
                E("2", "01/01/2025", DEC="10/06/2025", REC="E8"),
            ],
            "Missing": [
                {
                    "CHILD": "1",
                    "DOB": "10/06/2007",
                    "MIS_START": "01/06/2025",
                    "MIS_END": "10/06/2025",
                },
                {
                    "CHILD": "2",
                    "DOB": "10/06/2007",
                    "MIS_START": "01/06/2025",
                    "MIS_END": "10/06/2025",
                },
            ],
        },
        (("Episodes", 2),),
    ),
    Case(
        "580",
        "missing period not ending on the 18th birthday when care ceased",
        {
            "Episodes": [E("1", "01/01/2025", DEC="10/06/2025", REC="E13")],
            "Missing": [
                {
                    "CHILD": "1",
                    "DOB": "10/06/2007",
                    "MIS_START": "01/05/2025",
                    "MIS_END": "09/06/2025",
                },
            ],
        },
        (),
    ),
    Case(
        "359",
        "adult still looked after, not V2 in K2",
        {
            "Header": [H("1", DOB="01/01/2008"), H("2", DOB="01/04/2008")],
            "Episodes": [
                E("1", "01/01/2025", LS="C2", PLACE="U1"),
                E("2", "01/01/2025", LS="C2", PLACE="U1"),
            ],
        },
        (("Episodes", 2),),
    ),
    Case(
        "359",
        "adult under V2 in a children's home, or care ended",
        {
            "Header": [H("1", DOB="01/01/2008"), H("2", DOB="01/01/2008")],
            "Episodes": [
                E("1", "01/01/2025", LS="V2", PLACE="K2"),
                E("2", "01/01/2025", DEC="01/02/2026", LS="C2", PLACE="U1"),
            ],
        },
        (),
    ),
    Case(
        "632",
        "previous permanence date malformed or not before care",
        {
            "Episodes": [E(str(i), "01/05/2025") for i in range(1, 5)],
            "PrevPerm": [
                {"CHILD": "1", "DOB": "01/01/2010", "DATE_PERM": "xx/10/2011"},
                {"CHILD": "2", "DOB": "01/01/2010", "DATE_PERM": "01/13/2000"},
                {"CHILD": "3", "DOB": "01/01/2010", "DATE_PERM": "ZZ/ZZ/ZZ"},
                {"CHILD": "4", "DOB": "01/01/2010", "DATE_PERM": "01/05/2025"},
            ],
        },
        tuple(("Episodes", r) for r in range(2, 6)) + tuple(("PrevPerm", r) for r in range(2, 6)),
    ),
    Case(
        "632",
        "previous permanence date valid, partly unknown or blank",
        {
            "Episodes": [E(str(i), "01/05/2025") for i in range(1, 5)],
            "PrevPerm": [
                {"CHILD": "1", "DOB": "01/01/2010", "DATE_PERM": "30/04/2025"},
                {"CHILD": "2", "DOB": "01/01/2010", "DATE_PERM": "ZZ/05/2021"},
                {"CHILD": "3", "DOB": "01/01/2010", "DATE_PERM": "zz/zz/zzzz"},
                {"CHILD": "4", "DOB": "01/01/2010"},
            ],
        },
        (),
    ),
    Case(
        "632",
        "previous permanence date on or after the start of the latest period of care",
        {
            # Child 1 left care in August and came back in February: the order is dated the
            # day the new period began. Child 2's period began before the year (no RNE S in the
            # return): the order is dated after its first episode this year, so after the start.
            "Episodes": [
                E("1", "01/05/2025", RNE="S", DEC="01/08/2025", REC="E46"),
                E("1", "01/02/2026", RNE="S"),
                E("2", "01/03/2025", RNE="P", DEC="01/06/2025", REC="X1"),
                E("2", "01/06/2025", RNE="P"),
            ],
            "PrevPerm": [
                {"CHILD": "1", "DOB": "01/01/2010", "PREV_PERM": "P2", "DATE_PERM": "01/02/2026"},
                {"CHILD": "2", "DOB": "01/01/2010", "PREV_PERM": "P2", "DATE_PERM": "01/04/2025"},
            ],
        },
        (("Episodes", 3), ("Episodes", 4), ("PrevPerm", 2), ("PrevPerm", 3)),
    ),
    Case(
        "632",
        "special guardianship ended and the child came back into care in the same year",
        {
            # The order followed the first period of care (ended August, E46) and preceded the
            # new one (February): before the period the PrevPerm row describes, so valid, though
            # after the child's first episode in the return. Child 2's period began before the
            # year and the order is dated before its first episode this year.
            "Episodes": [
                E("1", "01/05/2025", RNE="S", DEC="01/08/2025", REC="E46"),
                E("1", "01/02/2026", RNE="S"),
                E("2", "01/03/2025", RNE="P"),
            ],
            "PrevPerm": [
                {"CHILD": "1", "DOB": "01/01/2010", "PREV_PERM": "P2", "DATE_PERM": "01/08/2025"},
                {"CHILD": "2", "DOB": "01/01/2010", "PREV_PERM": "P2", "DATE_PERM": "28/02/2025"},
            ],
        },
        (),
    ),
    Case(
        "1007",
        "care leaver data for a 17-year-old looked after on their birthday",
        {
            "Episodes": [E("1", "01/01/2025")],
            "OC3": [{"CHILD": "1", "DOB": "01/06/2008", "IN_TOUCH": "YES"}],
        },
        (("OC3", 2),),
    ),
    Case(
        "1007",
        "care ended before the birthday, or aged 19, or no care leaver data",
        {
            "Episodes": [
                E("2", "01/01/2025", DEC="01/05/2025"),
                E("3", "01/01/2025"),
                E("4", "01/01/2025"),
            ],
            "OC3": [
                {"CHILD": "2", "DOB": "01/06/2007", "IN_TOUCH": "YES"},
                {"CHILD": "3", "DOB": "01/06/2006", "IN_TOUCH": "YES"},
                {"CHILD": "4", "DOB": "01/06/2008"},
            ],
        },
        (),
    ),
    Case(
        "575",
        "missing period left open after the placement ended",
        {
            "Episodes": [E("1", "01/05/2025", DEC="10/06/2025"), E("2", "01/05/2025")],
            "Missing": [
                {"CHILD": "1", "DOB": "01/01/2010", "MIS_START": "08/06/2025"},
                {"CHILD": "2", "DOB": "01/01/2010", "MIS_START": "08/06/2025"},
            ],
        },
        (("Missing", 2),),
    ),
    Case(
        "575",
        "missing period closed, or placement still open",
        {
            "Episodes": [E("1", "01/05/2025", DEC="10/06/2025"), E("2", "01/05/2025")],
            "Missing": [
                {
                    "CHILD": "1",
                    "DOB": "01/01/2010",
                    "MIS_START": "08/06/2025",
                    "MIS_END": "09/06/2025",
                },
                {"CHILD": "2", "DOB": "01/01/2010", "MIS_START": "08/06/2025"},
            ],
        },
        (),
    ),
    Case(
        "560",
        "decision in force last year, date changed this year",
        {"PlacedAdoption": [PA("1", "02/01/2025"), PA("2", "")]},
        (("PlacedAdoption", 2), ("PlacedAdoption", 3)),
        previous={"PlacedAdoption": [PA("1", "01/01/2025"), PA("2", "01/01/2025")]},
    ),
    Case(
        "560",
        "decision in force last year, same date; or ceased last year",
        {"PlacedAdoption": [PA("1", "1/1/2025"), PA("2", "01/06/2025")]},
        (),
        previous={
            "PlacedAdoption": [
                PA("1", "01/01/2025"),
                PA("2", "01/01/2025", ceased="01/03/2025", reason="RD1"),
            ]
        },
    ),
    Case(
        "561",
        "same date as a decision that ceased last year",
        {"PlacedAdoption": [PA("1", "01/01/2025"), PA("2", "01/01/2025")]},
        (("PlacedAdoption", 2), ("PlacedAdoption", 3)),
        previous={
            "PlacedAdoption": [
                PA("1", "01/01/2025", ceased="01/03/2025"),
                PA("2", "01/01/2025", reason="RD1"),
            ]
        },
    ),
    Case(
        "561",
        "new date after a ceased decision, or same date of a decision in force",
        {"PlacedAdoption": [PA("1", "01/06/2025"), PA("2", "01/01/2025")]},
        (),
        previous={
            "PlacedAdoption": [PA("1", "01/01/2025", ceased="01/03/2025"), PA("2", "01/01/2025")]
        },
    ),
    Case(
        "584",
        "not dated after last year's ceased decision",
        {"PlacedAdoption": [PA("1", "31/12/2024"), PA("2", "")]},
        (("PlacedAdoption", 2), ("PlacedAdoption", 3)),
        previous={
            "PlacedAdoption": [
                PA("1", "01/01/2025", ceased="01/03/2025", reason="RD1"),
                PA("2", "01/01/2025", reason="RD3"),
            ]
        },
    ),
    Case(
        "584",
        "dated after last year's ceased decision, or last year's in force",
        {"PlacedAdoption": [PA("1", "01/06/2025"), PA("2", "01/01/2024")]},
        (),
        previous={
            "PlacedAdoption": [
                PA("1", "01/01/2025", ceased="01/03/2025", reason="RD1"),
                PA("2", "01/01/2025"),
            ]
        },
    ),
    Case(
        "562",
        "episode begun before the year does not continue last year's latest",
        {
            "Episodes": [
                E("1", "15/03/2025"),
                E("2", "13/03/2025"),
                E("3", "01/01/2025"),
                E("4", "01/05/2025"),
            ]
        },
        (("Episodes", 3), ("Episodes", 4)),
        previous={"Episodes": [E("1", "01/06/2024"), E("1", "15/03/2025"), E("2", "11/03/2025")]},
    ),
    Case(
        "562",
        "episode begun before the year continues last year's latest",
        {"Episodes": [E("1", "15/03/2025"), E("1", "01/06/2025"), E("4", "01/05/2025")]},
        (),
        previous={"Episodes": [E("1", "01/06/2024"), E("1", "15/3/2025")]},
    ),
    Case(
        "117",
        "adoption decision dated after the year or after care ended",
        {
            "Episodes": [E("1", "01/01/2025"), E("2", "01/01/2025", DEC="01/06/2025", REC="E13")],
            "PlacedAdoption": [PA("1", "01/04/2026"), PA("2", "01/02/2025", ceased="10/06/2025")],
        },
        (("Episodes", 2), ("Episodes", 3), ("PlacedAdoption", 2), ("PlacedAdoption", 3)),
    ),
    Case(
        "117",
        "adoption decisions within the year and care",
        {
            "Episodes": [E("1", "01/01/2025"), E("2", "01/01/2025", DEC="01/06/2025", REC="E13")],
            "PlacedAdoption": [
                PA("1", "31/03/2026"),
                PA("2", "01/02/2025", ceased="01/06/2025"),
                PA("3", "01/01/2025"),
            ],
        },
        (),
    ),
    Case(
        "118",
        "decision ceased before the year or before care began",
        {
            "Episodes": [
                E("1", "01/01/2025", LS="C2"),
                E("2", "01/01/2025", DEC="01/06/2025", LS="V3", REC="X1"),
                E("2", "01/06/2025", LS="C2"),
            ],
            "PlacedAdoption": [
                PA("1", "01/02/2025", ceased="31/03/2025"),
                PA("2", "01/05/2025", ceased="01/05/2025"),
            ],
        },
        (("Episodes", 2), ("Episodes", 4), ("PlacedAdoption", 2), ("PlacedAdoption", 3)),
    ),
    Case(
        "118",
        "decision ceased in the year after care began, or not ceased",
        {
            "Episodes": [E("1", "01/01/2025", LS="C2"), E("3", "01/01/2025", LS="C2")],
            "PlacedAdoption": [PA("1", "01/02/2025", ceased="01/04/2025"), PA("3", "01/02/2025")],
        },
        (),
    ),
    Case(
        "1002",
        "care leaver data for a child with no episodes in either year",
        {
            "Episodes": [E("1", "01/05/2025")],
            "OC3": [OC3("1"), OC3("2"), OC3("3")],
        },
        (("OC3", 4),),
        previous={"Episodes": [E("2", "01/05/2024", DEC="01/06/2024")]},
    ),
    Case(
        "1002",
        "care leaver data for children with episodes, or no data",
        {
            "Episodes": [E("1", "01/05/2025")],
            "OC3": [OC3("1"), OC3("2"), {"CHILD": "3", "DOB": "01/01/2006"}],
        },
        (),
        previous={"Episodes": [E("2", "01/05/2024", DEC="01/06/2024")]},
    ),
    Case(
        "1010",
        "no episodes this year after an open episode last year",
        {"Episodes": [E("9", "01/05/2025")], "OC3": [OC3("1"), OC3("2")]},
        (("OC3", 2),),
        previous={
            "Episodes": [
                E("1", "01/05/2024", DEC="01/06/2024", REC="X1"),
                E("1", "01/06/2024"),
                E("2", "01/05/2024", DEC="01/06/2024", REC="E13"),
            ]
        },
    ),
    Case(
        "1010",
        "episodes this year, or care ended last year",
        {"Episodes": [E("1", "01/04/2025")], "OC3": [OC3("1"), OC3("2")]},
        (),
        previous={
            "Episodes": [E("1", "01/06/2024"), E("2", "01/05/2024", DEC="01/06/2024", REC="E13")]
        },
    ),
    Case(
        "578",
        "missing after care ended",
        {
            "Episodes": [
                E("1", "01/04/2025", DEC="01/06/2025", REC="X1"),
                E("1", "01/06/2025", DEC="01/08/2025", REC="E13"),
                E("1", "01/10/2025"),
                E("2", "01/04/2025", DEC="01/06/2025", REC="E13"),
            ],
            "Missing": [
                {"CHILD": "1", "DOB": "01/01/2010", "MIS_START": "15/08/2025"},
                {"CHILD": "1", "DOB": "01/01/2010", "MIS_START": "15/07/2025"},
                {"CHILD": "1", "DOB": "01/01/2010", "MIS_START": "15/10/2025"},
                {"CHILD": "2", "DOB": "01/01/2010", "MIS_START": "02/06/2025"},
            ],
        },
        # sorted by child then MIS_START: rows 3 (15/07), 2 (15/08), 4 (15/10), 5
        (("Missing", 2), ("Missing", 5)),
    ),
    Case(
        "578",
        "missing during care, on the day it ended, or before it began",
        {
            "Episodes": [E("1", "01/05/2025", DEC="01/06/2025", REC="E13"), E("2", "01/05/2025")],
            "Missing": [
                {"CHILD": "1", "DOB": "01/01/2010", "MIS_START": "01/06/2025"},
                {"CHILD": "1", "DOB": "01/01/2010", "MIS_START": "01/04/2025"},
                {"CHILD": "2", "DOB": "01/01/2010", "MIS_START": "01/03/2026"},
                {"CHILD": "3", "DOB": "01/01/2010", "MIS_START": "01/03/2026"},
            ],
        },
        (),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{c.name}" for c in CASES])
def test_rule_case(tmp_path: Path, case: Case) -> None:
    ret = write_return(tmp_path, case.tables, previous=case.previous or None)
    assert flagged_rows(case.code, ret) == list(case.expected)
