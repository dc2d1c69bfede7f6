"""OC2 health, OC3 care leaver, placement detail, adoption and social worker rules (2025/26):
failing and passing cases through the real reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.returns.ssda903.helpers import flagged_rows, write_return
from tests.returns.ssda903.test_rules_cases import Case
from tests.returns.ssda903.test_rules_episodes_ages import E

FULL = {"IMMUNISATIONS": "1", "TEETH_CHECK": "1", "HEALTH_ASSESSMENT": "1", "SUBSTANCE_MISUSE": "0"}


def OC2(**values: str) -> dict[str, str]:
    return {"CHILD": "1", "DOB": "01/01/2012", **values}


def OC3(**values: str) -> dict[str, str]:
    return {"CHILD": "1", "DOB": "01/06/2006", **values}


AD1_FULL = {
    "CHILD": "1",
    "DATE_INT": "01/05/2025",
    "DATE_MATCH": "01/06/2025",
    "FOSTER_CARE": "0",
    "NB_ADOPTR": "1",
    "SEX_ADOPTR": "F1",
    "LS_ADOPTR": "L0",
}
ADOPTED = E("1", "01/01/2025", DEC="01/09/2025", REC="E11")

CASES: list[Case] = [
    Case(
        "158",
        "received and offered",
        {"OC2": [OC2(SUBSTANCE_MISUSE="1", INTERVENTION_RECEIVED="1", INTERVENTION_OFFERED="1")]},
        (("OC2", 2),),
    ),
    Case(
        "158",
        "received, offered blank",
        {"OC2": [OC2(SUBSTANCE_MISUSE="1", INTERVENTION_RECEIVED="1")]},
        (),
    ),
    Case(
        "159",
        "not received, offered blank",
        {"OC2": [OC2(SUBSTANCE_MISUSE="1", INTERVENTION_RECEIVED="0")]},
        (("OC2", 2),),
    ),
    Case(
        "159",
        "not received, offered given",
        {"OC2": [OC2(SUBSTANCE_MISUSE="1", INTERVENTION_RECEIVED="0", INTERVENTION_OFFERED="0")]},
        (),
    ),
    Case("192", "misuse, received blank", {"OC2": [OC2(SUBSTANCE_MISUSE="1")]}, (("OC2", 2),)),
    Case(
        "192",
        "misuse, received given",
        {"OC2": [OC2(SUBSTANCE_MISUSE="1", INTERVENTION_RECEIVED="1")]},
        (),
    ),
    Case(
        "193",
        "no misuse but interventions",
        {
            "OC2": [
                OC2(SUBSTANCE_MISUSE="0", INTERVENTION_OFFERED="1"),
                {**OC2(INTERVENTION_RECEIVED="0"), "CHILD": "2"},
            ]
        },
        (("OC2", 2), ("OC2", 3)),
    ),
    Case("193", "no misuse, no interventions", {"OC2": [OC2(SUBSTANCE_MISUSE="0")]}, ()),
    Case(
        "182",
        "core blank but others given",
        {"OC2": [OC2(CONVICTED="0", IMMUNISATIONS="1")]},
        (("OC2", 2),),
    ),
    Case(
        "182",
        "core complete, or all blank",
        {"OC2": [OC2(CONVICTED="0", **FULL), {"CHILD": "2", "DOB": "01/01/2012"}]},
        (),
    ),
    Case(
        "544",
        "convicted without core",
        {"OC2": [OC2(CONVICTED="1", IMMUNISATIONS="1")]},
        (("OC2", 2),),
    ),
    Case("544", "convicted with core", {"OC2": [OC2(CONVICTED="0", **FULL)]}, ()),
    Case(
        "547",
        "health check without core",
        {"OC2": [OC2(HEALTH_CHECK="1", TEETH_CHECK="1")]},
        (("OC2", 2),),
    ),
    Case("547", "health check with core", {"OC2": [OC2(HEALTH_CHECK="1", **FULL)]}, ()),
    Case(
        "542",
        "convicted under 10 at 31 March 2026",
        {"OC2": [{**OC2(CONVICTED="0"), "DOB": "01/04/2016"}]},
        (("OC2", 2),),
    ),
    Case("542", "convicted at 10", {"OC2": [{**OC2(CONVICTED="0"), "DOB": "31/03/2016"}]}, ()),
    Case(
        "213",
        "provider for temporary and other placements",
        {
            "Episodes": [
                E("1", "01/05/2025", PLACE="T4", PLACE_PROVIDER="PR1"),
                E("2", "01/05/2025", PLACE="Z13", PLACE_PROVIDER="PR4"),
            ]
        },
        (("Episodes", 2), ("Episodes", 3)),
    ),
    Case(
        "213",
        "provider for foster placement",
        {
            "Episodes": [
                E("1", "01/05/2025", PLACE="U1", PLACE_PROVIDER="PR1"),
                E("2", "01/05/2025", PLACE="T4"),
            ]
        },
        (),
    ),
    Case(
        "214",
        "short break with location",
        {
            "Episodes": [
                E("1", "01/05/2025", LS="V3", PL_POST="B1 1AA"),
                E("2", "01/05/2025", LS="V4", URN="SC1"),
            ]
        },
        (("Episodes", 2), ("Episodes", 3)),
    ),
    Case(
        "214",
        "short break without location",
        {
            "Episodes": [
                E("1", "01/05/2025", LS="V3"),
                E("2", "01/05/2025", LS="C2", PL_POST="B1 1AA"),
            ]
        },
        (),
    ),
    Case(
        "217",
        "A3 with RNE P",
        {"Episodes": [E("1", "01/05/2025", PLACE="A3", RNE="P"), E("2", "01/05/2025", PLACE="A5")]},
        (("Episodes", 2), ("Episodes", 3)),
    ),
    Case(
        "217",
        "A5 with RNE T; before April 2015",
        {
            "Episodes": [
                E("1", "01/05/2025", PLACE="A5", RNE="T"),
                E("2", "31/03/2015", PLACE="A3", RNE="P"),
            ]
        },
        (),
    ),
    Case(
        "233",
        "open episode with a reason",
        {"Episodes": [E("1", "01/05/2025", REASON_PLACE_CHANGE="CARPL")]},
        (("Episodes", 2),),
    ),
    Case(
        "233",
        "ceased episode with a reason",
        {
            "Episodes": [
                E("1", "01/05/2025", DEC="01/06/2025", REC="X1", REASON_PLACE_CHANGE="CARPL"),
                E("1", "01/06/2025"),
            ]
        },
        (),
    ),
    Case(
        "526", "no provider", {"Episodes": [E("1", "01/05/2025", PLACE="U1")]}, (("Episodes", 2),)
    ),
    Case(
        "526",
        "provider, or temporary",
        {
            "Episodes": [
                E("1", "01/05/2025", PLACE="U1", PLACE_PROVIDER="PR1"),
                E("2", "01/05/2025", PLACE="T2"),
            ]
        },
        (),
    ),
    Case(
        "225",
        "placement change without reason",
        {
            "Episodes": [
                E("1", "01/05/2025", PLACE="U1", DEC="01/06/2025", REC="X1"),
                E("1", "01/06/2025", PLACE="U4", RNE="P"),
            ]
        },
        (("Episodes", 2),),
    ),
    Case(
        "225",
        "with reason; into a temporary placement; legal status change",
        {
            "Episodes": [
                E(
                    "1",
                    "01/05/2025",
                    PLACE="U1",
                    DEC="01/06/2025",
                    REC="X1",
                    REASON_PLACE_CHANGE="CARPL",
                ),
                E("1", "01/06/2025", PLACE="U4", RNE="P", DEC="01/07/2025", REC="X1"),
                E("1", "01/07/2025", PLACE="T1", RNE="P"),
                E("2", "01/05/2025", PLACE="U1", DEC="01/06/2025", REC="X1"),
                E("2", "01/06/2025", PLACE="U1", RNE="L"),
            ]
        },
        (),
    ),
    Case(
        "344",
        "died but activity given",
        {"OC3": [OC3(IN_TOUCH="DIED", ACTIV="F1", ACCOM="0")]},
        (("OC3", 2),),
    ),
    Case("344", "died, zero activity", {"OC3": [OC3(IN_TOUCH="RHOM", ACTIV="0", ACCOM="0")]}, ()),
    Case(
        "345",
        "in touch but zero",
        {"OC3": [OC3(IN_TOUCH="YES", ACTIV="F1", ACCOM="0")]},
        (("OC3", 2),),
    ),
    Case(
        "345", "in touch with activity", {"OC3": [OC3(IN_TOUCH="YES", ACTIV="F1", ACCOM="B1")]}, ()
    ),
    Case(
        "391",
        "too young and too old",
        {
            "OC3": [
                {**OC3(IN_TOUCH="YES"), "DOB": "01/04/2009"},
                {**OC3(IN_TOUCH="YES"), "CHILD": "2", "DOB": "01/04/2003"},
            ]
        },
        (("OC3", 2), ("OC3", 3)),
    ),
    Case(
        "391",
        "17 by 31 March, 21 on 1 April",
        {
            "OC3": [
                {**OC3(IN_TOUCH="YES"), "DOB": "31/03/2009"},
                {**OC3(IN_TOUCH="YES"), "CHILD": "2", "DOB": "02/04/2003"},
            ]
        },
        (),
    ),
    Case(
        "635",
        "Z1 with an order date",
        {"PrevPerm": [{"CHILD": "1", "PREV_PERM": "Z1", "DATE_PERM": "01/01/2020"}]},
        (("PrevPerm", 2),),
    ),
    Case(
        "635",
        "Z1 alone; P1 with details",
        {
            "PrevPerm": [
                {"CHILD": "1", "PREV_PERM": "Z1"},
                {"CHILD": "2", "PREV_PERM": "P1", "LA_PERM": "330", "DATE_PERM": "01/01/2020"},
            ]
        },
        (),
    ),
    Case(
        "SW02STG1",
        "bad social worker ids",
        {
            "SWEpisodes": [
                {"CHILD": "1", "SW_ID": "AB123"},
                {"CHILD": "1", "SW_ID": "sw123"},
                {"CHILD": "1", "SW_ID": "SW1"},
            ]
        },
        (("SWEpisodes", 2), ("SWEpisodes", 3), ("SWEpisodes", 4)),
    ),
    Case(
        "SW02STG1",
        "good social worker ids",
        {"SWEpisodes": [{"CHILD": "1", "SW_ID": "SW123"}, {"CHILD": "1", "SW_ID": "XX0000"}]},
        (),
    ),
    Case(
        "SW09STG2",
        "under 24 hours",
        {
            "SWEpisodes": [
                {"CHILD": "1", "SW_ID": "SW1234", "SW_DECOM": "01/05/2025", "SW_DEC": "01/05/2025"}
            ]
        },
        (("SWEpisodes", 2),),
    ),
    Case(
        "SW09STG2",
        "a day or more, or open",
        {
            "SWEpisodes": [
                {"CHILD": "1", "SW_ID": "SW1234", "SW_DECOM": "01/05/2025", "SW_DEC": "02/05/2025"},
                {"CHILD": "1", "SW_ID": "SW1234", "SW_DECOM": "02/05/2025"},
            ]
        },
        (),
    ),
    Case(
        "601",
        "adopted, AD1 incomplete",
        {"Episodes": [ADOPTED], "AD1": [{**AD1_FULL, "LS_ADOPTR": ""}]},
        (("AD1", 2), ("Episodes", 2)),
    ),
    Case("601", "adopted, AD1 complete", {"Episodes": [ADOPTED], "AD1": [AD1_FULL]}, ()),
    Case(
        "602",
        "AD1 without adoption this year",
        {"Episodes": [E("1", "01/01/2025", DEC="01/03/2025", REC="E11")], "AD1": [AD1_FULL]},
        (("AD1", 2),),
    ),
    Case("602", "AD1 with adoption this year", {"Episodes": [ADOPTED], "AD1": [AD1_FULL]}, ()),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{c.name}" for c in CASES])
def test_rule_case(tmp_path: Path, case: Case) -> None:
    ret = write_return(tmp_path, case.tables, previous=case.previous or None)
    assert flagged_rows(case.code, ret) == list(case.expected)
