"""Legal status and temporary placement durations, episode sequences, adoption decisions, UPN,
missing periods and social worker episodes (2025/26): failing and passing cases through the real
reader. Collection year 2025/26 (1 April 2025 to 31 March 2026)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.returns.ssda903.helpers import flagged_rows, write_return
from tests.returns.ssda903.test_rules_cases import Case, H
from tests.returns.ssda903.test_rules_episodes_ages import E


def SW(
    decom: str, dec: str = "", child: str = "1", sw_id: str = "SW1234", reason: str = "MANAGE"
) -> dict[str, str]:
    return {"CHILD": child, "SW_ID": sw_id, "SW_DECOM": decom, "SW_DEC": dec, "SW_REASON": reason}


def M(start: str, end: str = "", child: str = "1") -> dict[str, str]:
    return {"CHILD": child, "DOB": "01/01/2010", "MISSING": "M", "MIS_START": start, "MIS_END": end}


AD1 = {
    "CHILD": "1",
    "DATE_INT": "01/05/2025",
    "DATE_MATCH": "01/06/2025",
    "FOSTER_CARE": "0",
    "NB_ADOPTR": "1",
    "SEX_ADOPTR": "F1",
    "LS_ADOPTR": "L0",
}

# Children 1 and 4 are looked after at 31 March 2026 (4 came into care during the year); child 2
# left care in September, child 3 on 31 March itself (an episode that ceased within the year), and
# child 5 is on a series of short breaks: the social worker rules SW11bSTG2 and SW17STG2 ask
# nothing of 2, 3 or 5.
IN_CARE_AT_YEAR_END = [
    E("1", "01/04/2024", RNE="S", LS="C2", PLACE="U1"),
    E("4", "01/06/2025", RNE="S", LS="C2", PLACE="U1", DEC="01/03/2026", REC="X1"),
    E("4", "01/03/2026", RNE="P", LS="C2", PLACE="U4"),
]
LEFT_CARE = [
    E("2", "01/04/2024", RNE="S", LS="C2", PLACE="U1", DEC="01/09/2025", REC="E13"),
    E("3", "01/04/2024", RNE="S", LS="C2", PLACE="U1", DEC="31/03/2026", REC="E13"),
    E("5", "01/04/2024", RNE="S", LS="V4", PLACE="U1"),
]

CASES: list[Case] = [
    Case(
        "446",
        "E1 before December 2005",
        {"Episodes": [E("1", "30/11/2005", LS="E1")]},
        (("Episodes", 2),),
    ),
    Case(
        "446",
        "E1 from December 2005",
        {"Episodes": [E("1", "01/12/2005", LS="E1"), E("2", "30/11/2005", LS="C2")]},
        (),
    ),
    Case(
        "375",
        "hospital over six weeks",
        {"Episodes": [E("1", "01/05/2025", PLACE="T1", DEC="13/06/2025")]},
        (("Episodes", 2),),
    ),
    Case(
        "375",
        "hospital six weeks",
        {
            "Episodes": [
                E("1", "01/05/2025", PLACE="T1", DEC="12/06/2025"),
                E("2", "01/05/2025", PLACE="T1"),
            ]
        },
        (),
    ),
    Case(
        "376",
        "carer holiday over three weeks",
        {"Episodes": [E("1", "01/05/2025", PLACE="T3", DEC="23/05/2025")]},
        (("Episodes", 2),),
    ),
    Case(
        "376",
        "carer holiday three weeks",
        {"Episodes": [E("1", "01/05/2025", PLACE="T3", DEC="22/05/2025")]},
        (),
    ),
    Case(
        "379",
        "T4 over seven days",
        {"Episodes": [E("1", "01/05/2025", PLACE="T4", DEC="09/05/2025")]},
        (("Episodes", 2),),
    ),
    Case(
        "379",
        "T4 seven days",
        {
            "Episodes": [
                E("1", "01/05/2025", PLACE="T4", DEC="08/05/2025"),
                E("2", "01/05/2025", PLACE="U1", DEC="09/06/2025"),
            ]
        },
        (),
    ),
    Case(
        "361",
        "police protection over 72 hours across two episodes",
        {
            "Episodes": [
                E("1", "01/05/2025", LS="L1", DEC="03/05/2025"),
                E("1", "03/05/2025", LS="L1", DEC="05/05/2025"),
            ]
        },
        (("Episodes", 2), ("Episodes", 3)),
    ),
    Case(
        "361",
        "police protection 72 hours; runs broken by a gap",
        {
            "Episodes": [
                E("1", "01/05/2025", LS="L1", DEC="04/05/2025"),
                E("2", "01/05/2025", LS="L1", DEC="03/05/2025"),
                E("2", "04/05/2025", LS="L1", DEC="06/05/2025"),
            ]
        },
        (),
    ),
    Case(
        "362",
        "open EPO counted to 31 March",
        {"Episodes": [E("1", "01/03/2026", LS="L2")]},
        (("Episodes", 2),),
    ),
    Case(
        "362",
        "EPO 21 days",
        {
            "Episodes": [
                E("1", "10/03/2026", LS="L2"),
                E("2", "01/05/2025", LS="L2", DEC="22/05/2025"),
            ]
        },
        (),
    ),
    Case(
        "363",
        "CAO over 7 days",
        {"Episodes": [E("1", "01/05/2025", LS="L3", DEC="09/05/2025")]},
        (("Episodes", 2),),
    ),
    Case(
        "363",
        "CAO 7 days, then another status",
        {
            "Episodes": [
                E("1", "01/05/2025", LS="L3", DEC="08/05/2025", REC="X1"),
                E("1", "08/05/2025", LS="C1", DEC="30/05/2025"),
            ]
        },
        (),
    ),
    Case(
        "437",
        "died then another episode",
        {"Episodes": [E("1", "01/05/2025", DEC="02/05/2025", REC="E2"), E("1", "03/05/2025")]},
        (("Episodes", 2),),
    ),
    Case(
        "437",
        "died in the last episode",
        {
            "Episodes": [
                E("1", "01/05/2025", DEC="02/05/2025", REC="X1"),
                E("1", "02/05/2025", DEC="05/05/2025", REC="E2"),
            ]
        },
        (),
    ),
    Case(
        "388",
        "X1 with a gap, X1 last, other reason with continuation",
        {
            "Episodes": [
                E("1", "01/05/2025", DEC="02/05/2025", REC="X1"),
                E("1", "03/05/2025", DEC="04/05/2025", REC="X1"),
                E("2", "01/05/2025", DEC="02/05/2025", REC="E13"),
                E("2", "02/05/2025"),
            ]
        },
        (("Episodes", 2), ("Episodes", 3), ("Episodes", 4)),
    ),
    Case(
        "388",
        "X1 continued the same day; care ends",
        {
            "Episodes": [
                E("1", "01/05/2025", DEC="02/05/2025", REC="X1"),
                E("1", "02/05/2025", DEC="04/05/2025", REC="E13"),
            ]
        },
        (),
    ),
    Case(
        "426",
        "V3 and V4",
        {
            "Episodes": [
                E("1", "01/05/2025", LS="V3"),
                E("1", "01/06/2025", LS="V4"),
                E("1", "01/07/2025", LS="C2"),
            ]
        },
        (("Episodes", 2), ("Episodes", 3)),
    ),
    Case(
        "426",
        "only V3",
        {
            "Episodes": [
                E("1", "01/05/2025", LS="V3"),
                E("1", "01/06/2025", LS="V3"),
                E("2", "01/06/2025", LS="V4"),
            ]
        },
        (),
    ),
    Case(
        "EPI",
        "child with no episodes",
        {"Header": [H("1"), H("2")], "Episodes": [E("1", "01/05/2025")]},
        (("Header", 3),),
    ),
    Case(
        "EPI",
        "episodes or care leaver data",
        {"Header": [H("1"), H("2")], "Episodes": [E("1", "01/05/2025")], "OC3": [{"CHILD": "2"}]},
        (),
    ),
    Case(
        "188",
        "SDQ under 4",
        {"OC2": [{"CHILD": "1", "DOB": "01/04/2022", "SDQ_SCORE": "10"}]},
        (("OC2", 2),),
    ),
    Case(
        "188", "SDQ at 4", {"OC2": [{"CHILD": "1", "DOB": "31/03/2022", "SDQ_REASON": "SDQ1"}]}, ()
    ),
    Case(
        "189",
        "SDQ at 17",
        {"OC2": [{"CHILD": "1", "DOB": "01/04/2008", "SDQ_SCORE": "10"}]},
        (("OC2", 2),),
    ),
    Case("189", "SDQ at 16", {"OC2": [{"CHILD": "1", "DOB": "02/04/2008", "SDQ_SCORE": "10"}]}, ()),
    Case(
        "563",
        "ceased without decision date",
        {
            "PlacedAdoption": [
                {"CHILD": "1", "DATE_PLACED_CEASED": "01/06/2025", "REASON_PLACED_CEASED": "RD1"}
            ]
        },
        (("PlacedAdoption", 2),),
    ),
    Case(
        "563",
        "ceased with decision date",
        {
            "PlacedAdoption": [
                {
                    "CHILD": "1",
                    "DATE_PLACED": "01/05/2025",
                    "DATE_PLACED_CEASED": "01/06/2025",
                    "REASON_PLACED_CEASED": "RD1",
                }
            ]
        },
        (),
    ),
    Case(
        "551",
        "placed without decision",
        {
            "Episodes": [E("1", "01/05/2025", PLACE="A4"), E("2", "01/05/2025", PLACE="A6")],
            "PlacedAdoption": [{"CHILD": "2"}],
        },
        (("Episodes", 2), ("Episodes", 3)),
    ),
    Case(
        "551",
        "placed with decision",
        {
            "Episodes": [E("1", "01/05/2025", PLACE="A4"), E("2", "01/05/2025", PLACE="U1")],
            "PlacedAdoption": [{"CHILD": "1", "DATE_PLACED": "01/04/2025"}],
        },
        (),
    ),
    Case(
        "552",
        "placed before decision",
        {
            "Episodes": [E("1", "01/05/2025", PLACE="A3")],
            "PlacedAdoption": [{"CHILD": "1", "DATE_PLACED": "02/05/2025"}],
        },
        (("Episodes", 2), ("PlacedAdoption", 2)),
    ),
    Case(
        "552",
        "placed on or after decision",
        {
            "Episodes": [E("1", "02/05/2025", PLACE="A3"), E("1", "01/04/2025", PLACE="U1")],
            "PlacedAdoption": [{"CHILD": "1", "DATE_PLACED": "02/05/2025"}],
        },
        (),
    ),
    Case(
        "523",
        "decision dates differ",
        {"PlacedAdoption": [{"CHILD": "1", "DATE_PLACED": "02/05/2025"}], "AD1": [AD1]},
        (("AD1", 2), ("PlacedAdoption", 2)),
    ),
    Case(
        "523",
        "decision dates agree",
        {"PlacedAdoption": [{"CHILD": "1", "DATE_PLACED": "01/05/2025"}], "AD1": [AD1]},
        (),
    ),
    Case(
        "625",
        "first child born after the year, or after care ended",
        {
            "Header": [
                H("1", MOTHER="1", MC_DOB="01/04/2026"),
                H("2", MOTHER="1", MC_DOB="10/06/2025"),
            ],
            "Episodes": [
                E("2", "01/04/2025", DEC="01/05/2025", REC="X1"),
                E("2", "01/05/2025", DEC="01/06/2025", REC="E13"),
            ],
        },
        (("Episodes", 3), ("Header", 2), ("Header", 3)),
    ),
    Case(
        "625",
        "first child born in care this year",
        {
            "Header": [H("2", MOTHER="1", MC_DOB="10/05/2025")],
            "Episodes": [E("2", "01/04/2025", DEC="01/06/2025", REC="E13")],
        },
        (),
    ),
    Case(
        "208",
        "UPN changed, or known to unknown",
        {"Header": [H("1", UPN="B2"), H("2", UPN="UN2")]},
        (("Header", 2), ("Header", 3)),
        {"Header": [H("1", UPN="A1"), H("2", UPN="A2")]},
    ),
    Case(
        "208",
        "unchanged, unknown to known, UN1 to UN3",
        {"Header": [H("1", UPN="A1"), H("2", UPN="A2"), H("3", UPN="UN3"), H("4", UPN="B4")]},
        (),
        {"Header": [H("1", UPN="a1"), H("2", UPN="UN1"), H("3", UPN="UN1")]},
    ),
    Case(
        "442",
        "no UPN while looked after",
        {
            "Header": [H("1"), H("2", UPN="UN1")],
            "Episodes": [E("1", "01/05/2025"), E("2", "01/05/2025")],
        },
        (("Header", 2),),
    ),
    Case(
        "442",
        "UPN given, or not looked after",
        {"Header": [H("1", UPN="A1"), H("2")], "Episodes": [E("1", "01/05/2025")]},
        (),
    ),
    Case(
        "574",
        "starts while the previous is open, or overlaps",
        {
            "Missing": [
                M("01/05/2025"),
                M("03/05/2025", "04/05/2025"),
                M("01/06/2025", "10/06/2025", "2"),
                M("05/06/2025", "06/06/2025", "2"),
            ]
        },
        (("Missing", 3), ("Missing", 5)),
    ),
    Case(
        "574",
        "consecutive periods",
        {
            "Missing": [
                M("01/05/2025", "03/05/2025"),
                M("03/05/2025", "04/05/2025"),
                M("01/06/2025", "", "2"),
            ]
        },
        (),
    ),
    Case(
        "SW01aSTG1",
        "no start date; before April 2023 without ID",
        {"SWEpisodes": [SW(""), SW("01/01/2023", sw_id="")]},
        (("SWEpisodes", 2), ("SWEpisodes", 3)),
    ),
    Case(
        "SW01aSTG1", "complete", {"SWEpisodes": [SW("01/01/2023"), SW("01/05/2023", sw_id="")]}, ()
    ),
    Case(
        "SW01bSTG1",
        "no reason from April 2023",
        {"SWEpisodes": [SW("01/05/2023", reason=""), SW("31/02/2024")]},
        (("SWEpisodes", 2), ("SWEpisodes", 3)),
    ),
    Case(
        "SW01bSTG1", "complete", {"SWEpisodes": [SW("01/05/2023"), SW("01/01/2023", reason="")]}, ()
    ),
    Case(
        "SW08STG2",
        "earlier episode left open",
        {"SWEpisodes": [SW("01/06/2025"), SW("01/05/2025")]},
        (("SWEpisodes", 3),),
    ),
    Case(
        "SW08STG2",
        "earlier episode ended",
        {"SWEpisodes": [SW("01/06/2025"), SW("01/05/2025", "01/06/2025")]},
        (),
    ),
    Case(
        "SW10STG2",
        "starts before the previous ended",
        {"SWEpisodes": [SW("01/05/2025", "10/06/2025"), SW("01/06/2025")]},
        (("SWEpisodes", 3),),
    ),
    Case(
        "SW10STG2",
        "starts when the previous ended",
        {
            "SWEpisodes": [
                SW("01/05/2025", "01/06/2025"),
                SW("01/06/2025"),
                SW("01/05/2025", child="2"),
            ]
        },
        (),
    ),
    Case(
        "SW11bSTG2",
        "looked after at 31 March, last episode ended before 31 March",
        {
            "Episodes": IN_CARE_AT_YEAR_END,
            "SWEpisodes": [
                SW("01/05/2025", "01/06/2025"),
                SW("01/06/2025", "30/03/2026"),
                SW("01/06/2025", "01/07/2025", child="4"),
            ],
        },
        (("SWEpisodes", 3), ("SWEpisodes", 4)),
    ),
    Case(
        "SW11bSTG2",
        "last episode runs to 31 March; left care in the year or on 31 March; short break",
        {
            "Episodes": [*IN_CARE_AT_YEAR_END, *LEFT_CARE],
            "SWEpisodes": [
                SW("01/05/2025", "01/06/2025"),
                SW("01/06/2025", "31/03/2026"),
                SW("01/05/2024", "01/09/2025", child="2"),
                SW("01/05/2024", "30/03/2026", child="3"),
                SW("01/05/2024", "01/09/2025", child="5"),
            ],
        },
        (),
    ),
    Case(
        "SW17STG2",
        "looked after at 31 March, no open episode",
        {
            "Episodes": IN_CARE_AT_YEAR_END,
            "SWEpisodes": [
                SW("01/05/2025", "01/06/2025"),
                SW("01/06/2025", "01/07/2025"),
                SW("01/06/2025", "31/03/2026", child="4"),
            ],
        },
        (("SWEpisodes", 3), ("SWEpisodes", 4)),
    ),
    Case(
        "SW17STG2",
        "latest episode open; left care in the year or on 31 March; short break",
        {
            "Episodes": [*IN_CARE_AT_YEAR_END, *LEFT_CARE],
            "SWEpisodes": [
                SW("01/06/2025"),
                SW("01/05/2025", "01/06/2025"),
                SW("01/05/2024", "01/09/2025", child="2"),
                SW("01/05/2024", "31/03/2026", child="3"),
                SW("01/05/2024", "01/09/2025", child="5"),
            ],
        },
        (),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{c.name}" for c in CASES])
def test_rule_case(tmp_path: Path, case: Case) -> None:
    ret = write_return(tmp_path, case.tables, previous=case.previous or None)
    assert flagged_rows(case.code, ret) == list(case.expected)
