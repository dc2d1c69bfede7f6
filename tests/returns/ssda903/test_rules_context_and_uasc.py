"""2025/26 rules on postcodes, LA codes, UASC across years, care leavers, social workers and the
Ofsted provider table: failing and passing cases fed through the real reader from CSV files. Rules
that need the council's LA code or the provider table get them the way a user gives them, through
`read_903(la_code=..., providers=...)`, and are shown to be skipped, with the reason, without."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from safeguard.returns.engine import catalogue_for, rules_for, validate
from safeguard.returns.ssda903.reader import (
    COUNCIL,
    PROVIDERS,
    Return903,
    UnusableInput,
    council_table,
    read_903,
)
from tests.returns.ssda903.helpers import YEAR, flagged_rows, write_table
from tests.returns.ssda903.test_rules_cases import H

Tables = Mapping[str, Sequence[Mapping[str, str]]]

PROVIDER_FILE = """URN,PLACE_CODES,PROVIDER_CODES,POSTCODE,REG_END,LA_CODE
SC100001,"K2, K1",PR4,B1 1AA,,330
SC100002,R3,PR1;PR2,B2 2BB,31/12/2025,E08000026
"""


@dataclass(frozen=True)
class Case:
    code: str
    name: str
    tables: Tables
    expected: tuple[tuple[str, int], ...]
    previous: Tables = field(default_factory=dict)
    la_code: str | None = None
    providers: bool = False


def read(folder: Path, case: Case) -> Return903:
    """Write the case's tables (and the provider file) and read them back with read_903."""
    folder.mkdir(parents=True, exist_ok=True)
    current = [write_table(folder / f"{n.lower()}.csv", n, r) for n, r in case.tables.items()]
    last = [write_table(folder / f"{n.lower()}_last.csv", n, r) for n, r in case.previous.items()]
    providers = None
    if case.providers:
        providers = folder / "providers.csv"
        providers.write_text(PROVIDER_FILE, encoding="utf-8")
    return read_903(current, last, YEAR, la_code=case.la_code, providers=providers)


def E(child: str, decom: str = "01/05/2025", **values: str) -> dict[str, str]:
    """An Episodes row; legal status C2 unless given."""
    return {"CHILD": child, "DECOM": decom, "LS": "C2", **values}


def U(child: str, duc: str = "", dob: str = "01/06/2008") -> dict[str, str]:
    """A UASC row."""
    return {"CHILD": child, "SEX": "M", "DOB": dob, "DUC": duc}


def OC3(child: str, dob: str, **values: str) -> dict[str, str]:
    return {"CHILD": child, "DOB": dob, "IN_TOUCH": "YES", "ACTIV": "F1", "ACCOM": "S2", **values}


def SW(child: str, decom: str) -> dict[str, str]:
    return {
        "CHILD": child,
        "DOB": "01/01/2010",
        "SW_ID": "SW1",
        "SW_DECOM": decom,
        "SW_DEC": "",
        "SW_REASON": "MANAGE",
    }


def PP(child: str, la: str) -> dict[str, str]:
    return {"CHILD": child, "DOB": "01/01/2015", "PREV_PERM": "P1", "LA_PERM": la, "DATE_PERM": ""}


CASES: list[Case] = [
    Case(
        "164",
        "distance not a number from 0 to 999.9",
        {
            "Episodes": [
                E("1", PL_DISTANCE="1000.5"),
                E("2", PL_DISTANCE="far"),
                E("3", PL_DISTANCE="12.3"),
                E("4", LS="V3", PL_DISTANCE="2000"),
                E("5", PL_DISTANCE="1500"),
            ],
            "UASC": [U("5")],
        },
        (("Episodes", 2), ("Episodes", 3)),
    ),
    Case("164", "valid distances", {"Episodes": [E("1", PL_DISTANCE="0.0"), E("2")]}, ()),
    Case(
        "165",
        "mother status invalid, for a boy, or missing for a girl in care",
        {
            "Header": [
                H("1", MOTHER="2"),
                H("2", SEX="M", MOTHER="0"),
                H("3"),
                H("4"),
            ],
            "Episodes": [E("1"), E("2"), E("3")],
            "OC3": [OC3("4", "01/01/2007")],
        },
        (("Header", 2), ("Header", 3), ("Header", 4)),
    ),
    Case(
        "165",
        "mother status given for girls in care, not for boys or care leavers",
        {
            "Header": [H("1", MOTHER="0"), H("2", SEX="M"), H("3")],
            "Episodes": [E("1"), E("2")],
            "OC3": [OC3("3", "01/01/2007")],
        },
        (),
    ),
    Case(
        "169",
        "LA of placement missing or not an LA code",
        {"Episodes": [E("1", PL_LA="XYZ"), E("2", PL_LA=""), E("3", LS="V3", PL_LA="")]},
        (("Episodes", 2), ("Episodes", 3)),
    ),
    Case(
        "169",
        "LA of placement an LA code in either form",
        {"Episodes": [E("1", PL_LA="E08000025"), E("2", PL_LA="330"), E("3", PL_LA="WAL")]},
        (),
    ),
    Case(
        "411",
        "placed IN the authority but in another LA",
        {
            "Episodes": [
                E("1", PL_LOCATION="IN", PL_LA="E08000026"),
                E("2", PL_LOCATION="IN", PL_LA="E08000025"),
            ]
        },
        (("Episodes", 2),),
        la_code="330",
    ),
    Case(
        "411",
        "IN within the council's LA, OUT elsewhere",
        {
            "Episodes": [
                E("1", PL_LOCATION="IN", PL_LA="330"),
                E("2", PL_LOCATION="OUT", PL_LA="E08000026"),
            ]
        },
        (),
        la_code="E08000025",
    ),
    Case(
        "1015",
        "own provision placed in another LA",
        {
            "Episodes": [
                E("1", PLACE="K2", PLACE_PROVIDER="PR1", PL_LA="331"),
                E("2", PLACE="U4", PLACE_PROVIDER="PR1", PL_LA="331"),
            ]
        },
        (("Episodes", 2),),
        la_code="E08000025",
    ),
    Case(
        "1015",
        "own provision at home, foster care anywhere, other providers elsewhere",
        {
            "Episodes": [
                E("1", PLACE="K2", PLACE_PROVIDER="PR1", PL_LA="330"),
                E("2", PLACE="U4", PLACE_PROVIDER="PR1", PL_LA="331"),
                E("3", PLACE="K2", PLACE_PROVIDER="PR2", PL_LA="331"),
            ]
        },
        (),
        la_code="330",
    ),
    Case(
        "392a",
        "no distance for a child never UASC",
        {
            "Episodes": [
                E("1", PL_DISTANCE=""),
                E("2", PL_DISTANCE=""),
                E("3", LS="V4", PL_DISTANCE=""),
                E("4", PL_DISTANCE="3.2"),
            ],
            "Header": [H("2", UASC="1")],
        },
        (("Episodes", 2),),
    ),
    Case("392a", "distances recorded", {"Episodes": [E("1", PL_DISTANCE="3.2")]}, ()),
    Case(
        "392b",
        "a postcode missing for a child never UASC",
        {"Episodes": [E("1", HOME_POST="B1 1AA"), E("2", PL_POST="B1 1AA"), E("3")]},
        (("Episodes", 2), ("Episodes", 3), ("Episodes", 4)),
    ),
    Case(
        "392b",
        "both postcodes, a short break, or formerly UASC",
        {
            "Episodes": [
                E("1", HOME_POST="B1 1AA", PL_POST="B2 2BB"),
                E("2", LS="V3"),
                E("3"),
            ]
        },
        (),
        previous={"UASC": [U("3", "01/06/2024")]},
    ),
    Case(
        "392c",
        "postcodes not in the form of a UK postcode",
        {
            "Episodes": [
                E("1", HOME_POST="B1 1AA", PL_POST="NOT A POSTCODE"),
                E("2", HOME_POST="B1"),
                E("3", HOME_POST="b11aa", PL_POST="SW1A 1AA"),
            ]
        },
        (("Episodes", 2), ("Episodes", 3)),
    ),
    Case("392c", "full postcodes", {"Episodes": [E("1", HOME_POST="M1 1AE", PL_POST="")]}, ()),
    Case(
        "633",
        "previous permanence LA not an LA code",
        {"PrevPerm": [PP("1", "999"), PP("2", "458"), PP("3", "330")]},
        (("PrevPerm", 2), ("PrevPerm", 3)),
    ),
    Case(
        "633",
        "English LA, outside England or blank",
        {"PrevPerm": [PP("1", "330"), PP("2", "sco"), PP("3", "")]},
        (),
    ),
    Case(
        "231",
        "UASC child under 11 at 31 March",
        {
            "Header": [
                H("1", UASC="1", DOB="01/06/2015"),
                H("2", UASC="1", DOB="31/03/2015"),
                H("3", UASC="0", DOB="01/06/2020"),
            ]
        },
        (("Header", 2),),
    ),
    Case(
        "231",
        "UASC children 11 or older, found from the UASC table",
        {"Header": [H("1", DOB="01/01/2010"), H("2", DOB="01/06/2020")], "UASC": [U("1")]},
        (),
    ),
    Case(
        "3001",
        "17 this year and living with former foster carers",
        {
            "Header": [
                H("1", DOB="01/06/2008"),
                H("2", DOB="01/06/2007"),
                H("3", DOB="01/06/2008"),
            ],
            "OC3": [
                OC3("1", "01/06/2008", ACCOM="Z1"),
                OC3("2", "01/06/2007", ACCOM="Z2"),
                OC3("3", "01/06/2008", ACCOM="S2"),
            ],
        },
        (("OC3", 2),),
    ),
    Case(
        "3001",
        "older care leaver with former foster carers",
        {"Header": [H("1", DOB="01/06/2007")], "OC3": [OC3("1", "01/06/2007", ACCOM="Z1")]},
        (),
    ),
    Case(
        "1016",
        "left care after this year's 17th or 18th birthday",
        {
            "Episodes": [
                E("1", "01/01/2024", DEC="01/07/2025"),
                E("2", "01/01/2024", DEC="02/06/2025"),
                E("3", "01/01/2024", DEC="01/05/2025"),
            ],
            "OC3": [OC3("1", "01/06/2008"), OC3("2", "01/06/2007"), OC3("3", "01/06/2008")],
        },
        (("OC3", 2), ("OC3", 3)),
    ),
    Case(
        "1016",
        "left care before the birthday",
        {
            "Episodes": [E("1", "01/01/2024", DEC="01/05/2025")],
            "OC3": [OC3("1", "01/06/2008")],
        },
        (),
    ),
    Case(
        "1001",
        "too little care after 14, or adopted",
        {
            "Header": [
                H("1", DOB="01/01/2007"),
                H("2", DOB="01/01/2007"),
                H("3", DOB="01/01/2000"),
            ],
            "Episodes": [E("9", "01/05/2025")],
            "OC3": [OC3("1", "01/01/2007"), OC3("2", "01/01/2007"), OC3("3", "01/01/2000")],
        },
        (("OC3", 2), ("OC3", 3)),
        previous={
            "Episodes": [
                E("1", "01/01/2020", DEC="01/02/2021"),
                E("2", "01/01/2021", DEC="01/06/2023", REC="E11"),
                E("3", "01/01/2020", DEC="01/02/2020"),
            ]
        },
    ),
    Case(
        "1001",
        "looked after 13 weeks after 14 and some time after 16",
        {
            "Header": [H("1", DOB="01/01/2007")],
            "Episodes": [E("1", "01/05/2025", DEC="01/06/2025")],
            "OC3": [OC3("1", "01/01/2007")],
        },
        (),
        previous={"Episodes": [E("1", "01/01/2021", DEC="01/06/2023", REC="E13")]},
    ),
    Case(
        "SW12STG2",
        "looked after at 31 March without social workers from the start",
        {
            "Episodes": [E("1", "01/01/2024"), E("2", "01/01/2024"), E("3", "01/09/2025", RNE="S")],
            "SWEpisodes": [SW("1", "01/06/2025"), SW("3", "01/10/2025")],
        },
        (("Episodes", 3), ("SWEpisodes", 2), ("SWEpisodes", 3)),
    ),
    Case(
        "SW12STG2",
        "social workers from 1 April, or from coming into care",
        {
            "Episodes": [
                E("1", "01/01/2024"),
                E("2", "01/09/2025", RNE="S"),
                E("3", "01/01/2024", DEC="01/06/2025"),
            ],
            "SWEpisodes": [SW("1", "01/03/2025"), SW("2", "01/09/2025")],
        },
        (),
    ),
    Case(
        "205A",
        "no longer UASC but a date ceased this year",
        {
            "Header": [H("1", UASC="0"), H("2", UASC="0")],
            "UASC": [U("1", "01/05/2025"), U("2")],
        },
        (("Header", 2), ("UASC", 2)),
        previous={
            "Header": [H("1", UASC="1"), H("2", UASC="1")],
            "UASC": [U("1", "01/05/2025"), U("2", "01/06/2024")],
        },
    ),
    Case(
        "205A",
        "ceased within last year",
        {"Header": [H("2", UASC="0")], "UASC": [U("2")]},
        (),
        previous={"Header": [H("2", UASC="1")], "UASC": [U("2", "01/06/2024")]},
    ),
    Case(
        "205B",
        "UASC both years, dates ceased do not fit",
        {"Header": [H("1", UASC="1")], "UASC": [U("1", "01/01/2020", dob="01/01/2002")]},
        (("Header", 2), ("UASC", 2)),
        previous={"Header": [H("1", UASC="1")], "UASC": [U("1", "01/02/2020", dob="01/01/2002")]},
    ),
    Case(
        "205B",
        "ceased on the 18th birthday",
        {"Header": [H("2", UASC="1")], "UASC": [U("2", "01/06/2025", dob="01/06/2007")]},
        (),
        previous={"Header": [H("2", UASC="1")], "UASC": [U("2", "01/06/2025", dob="01/06/2007")]},
    ),
    Case(
        "205C",
        "never UASC but a date ceased",
        {"Header": [H("1", UASC="0"), H("2", UASC="1")], "UASC": [U("1", "01/05/2025"), U("2")]},
        (("Header", 2), ("UASC", 2)),
        previous={"Header": [H("1", UASC="0")], "UASC": [U("1")]},
    ),
    Case(
        "205C",
        "UASC last year with a date ceased",
        {"Header": [H("1", UASC="0")], "UASC": [U("1", "01/05/2025")]},
        (),
        previous={"Header": [H("1", UASC="1")], "UASC": [U("1")]},
    ),
    Case(
        "205D",
        "UASC this year, in last year's return and not UASC then",
        {
            "Header": [H("1", UASC="1"), H("2", UASC="1"), H("3", UASC="1")],
            "UASC": [U("1"), U("2"), U("3")],
        },
        (("Header", 2),),
        previous={"Header": [H("1", UASC="0"), H("2", UASC="1")], "UASC": [U("2")]},
    ),
    Case(
        "205D",
        "UASC both years",
        {"Header": [H("2", UASC="1")], "UASC": [U("2")]},
        (),
        previous={"Header": [H("2", UASC="1")], "UASC": [U("2")]},
    ),
    Case(
        "219",
        "placement type not one the URN is registered for",
        {
            "Episodes": [
                E("1", URN="SC100001", PLACE="U4"),
                E("2", URN="SC100001", PLACE="K2"),
                E("3", URN="SC999999", PLACE="U4"),
            ]
        },
        (("Episodes", 2),),
        providers=True,
    ),
    Case(
        "219",
        "placement types the URNs are registered for",
        {"Episodes": [E("1", URN="SC100001", PLACE="K1"), E("2", URN="XXXXXXX", PLACE="U4")]},
        (),
        providers=True,
    ),
    Case(
        "221",
        "home placement postcode not the provider's",
        {"Episodes": [E("1", URN="SC100001", PLACE="K2", PL_POST="B3 3CC")]},
        (("Episodes", 2),),
        providers=True,
    ),
    Case(
        "221",
        "provider's postcode, spaces and case aside",
        {
            "Episodes": [
                E("1", URN="SC100001", PLACE="K2", PL_POST="b11aa"),
                E("2", URN="SC100001", PLACE="U4", PL_POST="B3 3CC"),
            ]
        },
        (),
        providers=True,
    ),
    Case(
        "224",
        "placement provider not the URN's",
        {"Episodes": [E("1", URN="SC100001", PLACE_PROVIDER="PR1")]},
        (("Episodes", 2),),
        providers=True,
    ),
    Case(
        "224",
        "placement provider the URN's",
        {
            "Episodes": [
                E("1", URN="SC100001", PLACE_PROVIDER="PR4"),
                E("2", URN="SC100002", PLACE_PROVIDER="PR2"),
            ]
        },
        (),
        providers=True,
    ),
    Case(
        "227",
        "episode starts after the registration ended",
        {"Episodes": [E("1", "01/01/2026", URN="SC100002")]},
        (("Episodes", 2),),
        providers=True,
    ),
    Case(
        "227",
        "episode starts while registered",
        {"Episodes": [E("1", "01/05/2025", URN="SC100002"), E("2", "01/01/2026", URN="SC100001")]},
        (),
        providers=True,
    ),
    Case(
        "228",
        "open episode after the registration ended",
        {"Episodes": [E("1", URN="SC100002"), E("2", URN="SC100002", DEC="01/02/2026")]},
        (("Episodes", 2), ("Episodes", 3)),
        providers=True,
    ),
    Case(
        "228",
        "episode ends while registered",
        {"Episodes": [E("1", URN="SC100002", DEC="01/06/2025"), E("2", URN="SC100001")]},
        (),
        providers=True,
    ),
    Case(
        "229",
        "placement provider disagrees with the provider's LA",
        {
            "Episodes": [
                E("1", URN="SC100002", PLACE="R3", PLACE_PROVIDER="PR1"),
                E("2", URN="SC100001", PLACE="K2", PLACE_PROVIDER="PR2"),
            ]
        },
        (("Episodes", 2), ("Episodes", 3)),
        la_code="330",
        providers=True,
    ),
    Case(
        "229",
        "own provision in the council's LA, another LA's in another",
        {
            "Episodes": [
                E("1", URN="SC100001", PLACE="K2", PLACE_PROVIDER="PR1"),
                E("2", URN="SC100002", PLACE="R3", PLACE_PROVIDER="PR2"),
                E("3", URN="SC100002", PLACE="K3", PLACE_PROVIDER="PR1"),
            ]
        },
        (),
        la_code="330",
        providers=True,
    ),
    Case(
        "1008",
        "URN not in the form of a URN",
        {"Episodes": [E("1", URN="SC12345"), E("2", URN="5B67891"), E("3", URN="XXXXXX")]},
        (("Episodes", 2), ("Episodes", 3), ("Episodes", 4)),
    ),
    Case(
        "1008",
        "URNs in form, or the placeholder",
        {"Episodes": [E("1", URN="SC123456"), E("2", URN="1234567"), E("3", URN="XXXXXXX")]},
        (),
    ),
    Case(
        "1008",
        "URN not in the provider table",
        {"Episodes": [E("1", URN="SC123456"), E("2", URN="SC100001")]},
        (("Episodes", 2),),
        providers=True,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{c.name}" for c in CASES])
def test_rule_case(tmp_path: Path, case: Case) -> None:
    assert flagged_rows(case.code, read(tmp_path, case)) == list(case.expected)


NEEDS_CONTEXT = {
    "411": (COUNCIL,),
    "1015": (COUNCIL,),
    "219": (PROVIDERS,),
    "221": (PROVIDERS,),
    "224": (PROVIDERS,),
    "227": (PROVIDERS,),
    "228": (PROVIDERS,),
    "229": (PROVIDERS, COUNCIL),
}


def test_rules_needing_context_are_skipped_with_the_reason(tmp_path: Path) -> None:
    submission = read(tmp_path, Case("x", "x", {"Episodes": [E("1")]}, ()))
    rules = [r for r in rules_for("ssda903", YEAR) if r.code in NEEDS_CONTEXT or r.code == "1008"]
    result = validate(submission, rules, catalogue_for("ssda903", YEAR))
    skipped = {s.code: s.missing_tables for s in result.rules_skipped}
    assert skipped == NEEDS_CONTEXT
    assert result.rules_run == ("1008",)  # the URN format check needs no provider table


def test_rules_needing_context_run_when_it_is_given(tmp_path: Path) -> None:
    # PL_LA and PL_LOCATION (derived by the DfE from postcodes) let 411 and 1015 run too.
    episode = E("1", PL_LA="330", PL_LOCATION="IN")
    case = Case("x", "x", {"Episodes": [episode]}, (), la_code="330", providers=True)
    rules = [r for r in rules_for("ssda903", YEAR) if r.code in NEEDS_CONTEXT]
    result = validate(read(tmp_path, case), rules)
    assert result.rules_skipped == ()
    assert set(result.rules_run) == set(NEEDS_CONTEXT)


def test_an_unknown_la_code_is_unusable() -> None:
    with pytest.raises(UnusableInput, match="not an English local authority"):
        council_table("999")
    assert council_table(" e08000025 ").row(0, named=True)["CODE"] == "330"


def test_a_provider_file_without_urns_is_unusable(tmp_path: Path) -> None:
    path = tmp_path / "providers.csv"
    path.write_text("NAME,POSTCODE\nA home,B1 1AA\n", encoding="utf-8")
    episodes = write_table(tmp_path / "episodes.csv", "Episodes", [E("1")])
    with pytest.raises(UnusableInput, match="no URN column"):
        read_903([episodes], year=YEAR, providers=path)


def test_validate_903_passes_the_context_to_the_rules(tmp_path: Path) -> None:
    from safeguard.returns.validation import validate_903

    episode = E("1", URN="SC100001", PL_LA="330", PL_LOCATION="IN")
    episodes = write_table(tmp_path / "episodes.csv", "Episodes", [episode])
    providers = tmp_path / "providers.csv"
    providers.write_text(PROVIDER_FILE, encoding="utf-8")
    _, without = validate_903([episodes], year=YEAR)
    _, given = validate_903([episodes], year=YEAR, la_code="330", providers=providers)
    assert set(NEEDS_CONTEXT) <= {s.code for s in without.rules_skipped}
    assert set(NEEDS_CONTEXT) <= set(given.rules_run)
