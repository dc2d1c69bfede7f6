"""2025/26 rules on the optional placement location columns (PL_LA, PL_LOCATION, PL_DISTANCE),
adoption by foster carers and care leavers reported dead: failing and passing cases fed through
the real reader from CSV files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.returns.ssda903.helpers import flagged_rows, write_return, write_table
from tests.returns.ssda903.test_rules_cases import Case, H


def E(child: str, decom: str, **values: str) -> dict[str, str]:
    """An Episodes row."""
    return {"CHILD": child, "DECOM": decom, **values}


def OC3(child: str, in_touch: str) -> dict[str, str]:
    return {"CHILD": child, "DOB": "01/01/2006", "IN_TOUCH": in_touch}


def AD1(child: str, foster_care: str) -> dict[str, str]:
    return {"CHILD": child, "DOB": "01/01/2020", "FOSTER_CARE": foster_care}


# Last year: child 1's latest episode open, child 2's closed.
LAST_YEAR = {
    "Episodes": [
        E(
            "1",
            "01/01/2024",
            RNE="S",
            DEC="01/06/2024",
            PL_LA="E1",
            PL_LOCATION="IN",
            PL_DISTANCE="5.0",
        ),
        E("1", "01/06/2024", RNE="P", PL_LA="E2", PL_LOCATION="OUT", PL_DISTANCE="12.5"),
        E(
            "2",
            "01/06/2024",
            RNE="P",
            DEC="01/01/2025",
            PL_LA="E2",
            PL_LOCATION="OUT",
            PL_DISTANCE="12.5",
        ),
    ]
}

CASES: list[Case] = [
    Case(
        "420",
        "short break with an LA of placement",
        {
            "Episodes": [
                E("1", "01/05/2025", LS="V3", PL_LA="E09000001"),
                E("2", "01/05/2025", LS="V4", PL_LA="NIR"),
            ]
        },
        (("Episodes", 2), ("Episodes", 3)),
    ),
    Case(
        "420",
        "short break without LA of placement; other status with one",
        {"Episodes": [E("1", "01/05/2025", LS="V3"), E("2", "01/05/2025", LS="C2", PL_LA="E1")]},
        (),
    ),
    Case(
        "179",
        "placement location not IN or OUT",
        {
            "Episodes": [
                E("1", "01/05/2025", PL_LOCATION="INSIDE"),
                E("2", "01/05/2025", PL_LOCATION="in"),
                E("3", "01/05/2025", PL_LOCATION="X"),
            ]
        },
        (("Episodes", 2), ("Episodes", 4)),
    ),
    Case(
        "179",
        "IN, OUT or blank",
        {
            "Episodes": [
                E("1", "01/05/2025", PL_LOCATION="IN"),
                E("2", "01/05/2025", PL_LOCATION="OUT"),
                E("3", "01/05/2025"),
            ]
        },
        (),
    ),
    Case(
        "454",
        "placed over 350 miles away",
        {
            "Episodes": [
                E("1", "01/05/2025", PL_DISTANCE="350.1"),
                E("2", "01/05/2025", PL_DISTANCE="999"),
            ]
        },
        (("Episodes", 2), ("Episodes", 3)),
    ),
    Case(
        "454",
        "350 miles or less, not calculable (999.9), blank or not a number",
        {
            "Episodes": [
                E("1", "01/05/2025", PL_DISTANCE="350"),
                E("2", "01/05/2025", PL_DISTANCE="999.9"),
                E("3", "01/05/2025"),
                E("4", "01/05/2025", PL_DISTANCE="far"),
            ]
        },
        (),
    ),
    Case(
        "503H",
        "PL_LA differs from last year's open episode (or is blank)",
        {
            "Episodes": [
                E("1", "01/04/2025", DEC="01/05/2025", PL_LA="E9"),
                E("1", "01/05/2025", PL_LA="E2"),
                E("2", "01/04/2025"),
            ]
        },
        (("Episodes", 2), ("Episodes", 4)),
        {
            "Episodes": [
                *LAST_YEAR["Episodes"],
                E("2", "01/02/2025", RNE="S", PL_LA="E5"),
            ]
        },
    ),
    Case(
        "503H",
        "PL_LA agrees with last year's open episode; last year's episode closed",
        {
            "Episodes": [
                E("1", "01/04/2025", PL_LA="E2"),
                E("2", "01/04/2025", PL_LA="E9"),
            ]
        },
        (),
        LAST_YEAR,
    ),
    Case(
        "503J",
        "PL_LOCATION differs from last year's open episode",
        {"Episodes": [E("1", "01/04/2025", PL_LOCATION="IN")]},
        (("Episodes", 2),),
        LAST_YEAR,
    ),
    Case(
        "503J",
        "PL_LOCATION agrees; last year's episode closed",
        {
            "Episodes": [
                E("1", "01/04/2025", PL_LOCATION="OUT"),
                E("2", "01/04/2025", PL_LOCATION="IN"),
            ]
        },
        (),
        LAST_YEAR,
    ),
    Case(
        "503G",
        "distance 0.2 miles or more from last year's open episode",
        {"Episodes": [E("1", "01/04/2025", PL_DISTANCE="12.7")]},
        (("Episodes", 2),),
        LAST_YEAR,
    ),
    Case(
        "503G",
        "distance within 0.2 miles, blank, or last year's episode closed",
        {
            "Episodes": [
                E("1", "01/04/2025", PL_DISTANCE="12.6"),
                E("2", "01/04/2025", PL_DISTANCE="40"),
            ]
        },
        (),
        LAST_YEAR,
    ),
    Case(
        "452",
        "same RNE as last year's open episode, different PL_LA",
        {"Episodes": [E("1", "01/04/2025", RNE="P", PL_LA="E9")]},
        (("Episodes", 2),),
        LAST_YEAR,
    ),
    Case(
        "452",
        "same PL_LA; different RNE; last year's episode closed",
        {
            "Episodes": [
                E("1", "01/04/2025", RNE="P", PL_LA="E2"),
                E("2", "01/04/2025", RNE="P", PL_LA="E9"),
            ]
        },
        (),
        LAST_YEAR,
    ),
    Case(
        "452",
        "different RNE from last year's open episode",
        {"Episodes": [E("1", "01/04/2025", RNE="S", PL_LA="E9")]},
        (),
        LAST_YEAR,
    ),
    Case(
        "453",
        "same RNE as last year's open episode, distance 0.2 miles or more apart",
        {"Episodes": [E("1", "01/04/2025", RNE="P", PL_DISTANCE="12.3")]},
        (("Episodes", 2),),
        LAST_YEAR,
    ),
    Case(
        "453",
        "distance within 0.2 miles; different RNE",
        {
            "Episodes": [
                E("1", "01/04/2025", RNE="P", PL_DISTANCE="12.4"),
                E("2", "01/04/2025", RNE="P", PL_DISTANCE="40"),
            ]
        },
        (),
        LAST_YEAR,
    ),
    Case(
        "335",
        "adopted by foster carer placement with FOSTER_CARE 0, and the reverse",
        {
            "Episodes": [
                E("1", "01/05/2025", PLACE="A3", DEC="01/09/2025", REC="E11"),
                E("2", "01/05/2025", PLACE="A4", DEC="01/09/2025", REC="E12"),
            ],
            "AD1": [AD1("1", "0"), AD1("2", "1")],
        },
        (("AD1", 2), ("AD1", 3), ("Episodes", 2), ("Episodes", 3)),
    ),
    Case(
        "335",
        "placement agrees with FOSTER_CARE, or not adopted",
        {
            "Episodes": [
                E("1", "01/05/2025", PLACE="A5", DEC="01/09/2025", REC="E11"),
                E("2", "01/05/2025", PLACE="A6", DEC="01/09/2025", REC="E12"),
                E("3", "01/05/2025", PLACE="A3", DEC="01/09/2025", REC="E13"),
            ],
            "AD1": [AD1("1", "1"), AD1("2", "0"), AD1("3", "0")],
        },
        (),
    ),
    Case(
        "348",
        "reported dead last year, not this year",
        {"OC3": [OC3("1", "YES"), OC3("2", "")]},
        (("OC3", 2), ("OC3", 3)),
        {"OC3": [OC3("1", "DIED"), OC3("2", "DIED")]},
    ),
    Case(
        "348",
        "reported dead both years; alive last year",
        {"OC3": [OC3("1", "DIED"), OC3("2", "NO")]},
        (),
        {"OC3": [OC3("1", "DIED"), OC3("2", "YES")]},
    ),
    Case(
        "377",
        "three holiday placements within 12 months",
        {
            "Episodes": [
                E("1", "01/05/2025", PLACE="T3"),
                E("1", "01/08/2025", PLACE="U1"),
                E("1", "01/09/2025", PLACE="T3"),
                E("1", "30/04/2026", PLACE="T3"),
                E("2", "01/05/2025", PLACE="T3"),
            ]
        },
        (("Episodes", 2), ("Episodes", 4), ("Episodes", 5)),
    ),
    Case(
        "377",
        "two holiday placements within 12 months, a third a year after the first",
        {
            "Episodes": [
                E("1", "01/05/2025", PLACE="T3"),
                E("1", "01/09/2025", PLACE="T3"),
                E("1", "01/05/2026", PLACE="T3"),
                E("2", "01/05/2025", PLACE="T3"),
                E("2", "01/06/2025", PLACE="T1"),
                E("2", "01/07/2025", PLACE="T2"),
            ]
        },
        (),
    ),
    Case(
        "157",
        "SDQ1 given for a child aged 4 to 16 looked after all year",
        {
            "Episodes": [E("1", "01/01/2024"), E("2", "01/01/2024")],
            "OC2": [
                {"CHILD": "1", "DOB": "01/04/2021", "SDQ_REASON": "SDQ1"},
                {"CHILD": "2", "DOB": "01/04/2009", "SDQ_REASON": "SDQ1"},
            ],
        },
        (("OC2", 2), ("OC2", 3)),
    ),
    Case(
        "157",
        "SDQ1 for a child under 4 or 17 by 31 March, with a score, or not looked after all year",
        {
            "Episodes": [
                E("1", "01/01/2024"),
                E("2", "01/01/2024"),
                E("3", "01/01/2024"),
                E("4", "01/06/2025", RNE="S"),
            ],
            "OC2": [
                {"CHILD": "1", "DOB": "02/04/2021", "SDQ_REASON": "SDQ1"},
                {"CHILD": "2", "DOB": "31/03/2009", "SDQ_REASON": "SDQ1"},
                {"CHILD": "3", "DOB": "01/01/2015", "SDQ_REASON": "SDQ1", "SDQ_SCORE": "12"},
                {"CHILD": "4", "DOB": "01/01/2015", "SDQ_REASON": "SDQ1"},
            ],
        },
        (),
    ),
    Case(
        "367",
        "more than 75 days of respite in the year",
        {
            "Episodes": [
                E("1", "01/02/2025", DEC="01/05/2025", LS="V3"),
                E("1", "01/06/2025", DEC="17/07/2025", LS="V3"),
                E("1", "17/07/2025", DEC="20/08/2025", LS="C2"),
                E("2", "14/01/2026", LS="V3"),
            ]
        },
        (("Episodes", 2), ("Episodes", 3), ("Episodes", 5)),
    ),
    Case(
        "367",
        "75 days of respite in the year; before the year; another status",
        {
            "Episodes": [
                E("1", "01/01/2025", DEC="01/05/2025", LS="V3"),
                E("1", "01/06/2025", DEC="16/07/2025", LS="V3"),
                E("2", "15/01/2025", DEC="01/04/2025", LS="V3"),
                E("3", "01/05/2025", LS="V4"),
            ]
        },
        (),
    ),
    Case(
        "559",
        "decision before this year not recorded last year",
        {
            "PlacedAdoption": [
                {"CHILD": "1", "DOB": "01/01/2020", "DATE_PLACED": "01/03/2025"},
                {"CHILD": "2", "DOB": "01/01/2020", "DATE_PLACED": "01/03/2025"},
            ]
        },
        (("PlacedAdoption", 2), ("PlacedAdoption", 3)),
        {
            "PlacedAdoption": [
                {"CHILD": "1", "DOB": "01/01/2020", "DATE_PLACED": ""},
                {"CHILD": "3", "DOB": "01/01/2020", "DATE_PLACED": "01/03/2025"},
            ]
        },
    ),
    Case(
        "559",
        "decision this year; decision recorded last year",
        {
            "PlacedAdoption": [
                {"CHILD": "1", "DOB": "01/01/2020", "DATE_PLACED": "01/04/2025"},
                {"CHILD": "2", "DOB": "01/01/2020", "DATE_PLACED": "01/03/2025"},
            ]
        },
        (),
        {"PlacedAdoption": [{"CHILD": "2", "DOB": "01/01/2020", "DATE_PLACED": "01/03/2025"}]},
    ),
    Case(
        "197B",
        "no SDQ score or reason for a child turning 4 or 17 this year",
        {
            "Episodes": [E("1", "01/01/2024"), E("2", "01/01/2024")],
            "OC2": [
                {"CHILD": "1", "DOB": "01/04/2021"},
                {"CHILD": "2", "DOB": "31/03/2009"},
            ],
        },
        (("OC2", 2), ("OC2", 3)),
    ),
    Case(
        "197B",
        "reason given; not turning 4 or 17 in the year; not looked after all year",
        {
            "Episodes": [
                E("1", "01/01/2024"),
                E("2", "01/01/2024"),
                E("3", "01/01/2024"),
                E("4", "01/06/2025", RNE="S"),
                E("5", "01/01/2024"),
            ],
            "OC2": [
                {"CHILD": "1", "DOB": "01/04/2021", "SDQ_REASON": "SDQ1"},
                {"CHILD": "2", "DOB": "01/04/2009"},
                {"CHILD": "3", "DOB": "31/03/2021"},
                {"CHILD": "4", "DOB": "01/06/2021"},
                # 17 on 1 April: rule 189 forbids a score or reason
                {"CHILD": "5", "DOB": "01/04/2008"},
            ],
        },
        (),
    ),
    Case(
        "557",
        "left care not adopted after an adoption decision, decision not closed",
        {
            "Episodes": [
                E("1", "01/05/2025", PLACE="A4", DEC="01/09/2025", REC="E13"),
                E("2", "01/05/2025", LS="E1", DEC="01/09/2025", REC="E4A"),
            ],
            "PlacedAdoption": [
                {"CHILD": "1", "DOB": "01/01/2020", "DATE_PLACED": "01/03/2025"},
            ],
        },
        (("Episodes", 2), ("Episodes", 3), ("PlacedAdoption", 2)),
    ),
    Case(
        "557",
        "decision closed; adopted; still looked after; no adoption decision",
        {
            "Episodes": [
                E("1", "01/05/2025", PLACE="A4", DEC="01/09/2025", REC="E13"),
                E("2", "01/05/2025", PLACE="A5", DEC="01/09/2025", REC="E11"),
                E("3", "01/05/2025", LS="E1", DEC="01/09/2025", REC="X1"),
                E("4", "01/05/2025", PLACE="U1", LS="C2", DEC="01/09/2025", REC="E13"),
            ],
            "PlacedAdoption": [
                {
                    "CHILD": "1",
                    "DOB": "01/01/2020",
                    "DATE_PLACED": "01/03/2025",
                    "DATE_PLACED_CEASED": "01/09/2025",
                    "REASON_PLACED_CEASED": "E13",
                },
            ],
        },
        (),
    ),
    Case(
        "105",
        "Header UASC status blank or not 0 or 1",
        {"Header": [H("1", UASC="2"), H("2", UASC="1"), H("3")]},
        (("Header", 2), ("Header", 4)),
    ),
    Case(
        "105",
        "Header UASC status 0 or 1",
        {"Header": [H("1", UASC="0"), H("2", UASC="1")]},
        (),
    ),
    Case(
        "303",
        "date UASC ceased given but Header UASC status not 1",
        {
            "Header": [H("1", UASC="0"), H("2", UASC="1"), H("3")],
            "UASC": [
                {"CHILD": "1", "SEX": "F", "DOB": "01/01/2010", "DUC": "01/01/2028"},
                {"CHILD": "3", "SEX": "F", "DOB": "01/01/2010", "DUC": "01/01/2028"},
            ],
        },
        (("Header", 2), ("Header", 4), ("UASC", 2), ("UASC", 3)),
    ),
    Case(
        "303",
        "date UASC ceased given and UASC 1; no date ceased",
        {
            "Header": [H("1", UASC="1"), H("2", UASC="0")],
            "UASC": [
                {"CHILD": "1", "SEX": "F", "DOB": "01/01/2010", "DUC": "01/01/2028"},
                {"CHILD": "2", "SEX": "F", "DOB": "01/01/2010"},
            ],
        },
        (),
    ),
    Case(
        "347",
        "under 18 on 1 April, accommodated in a Foyer",
        {
            "OC3": [
                {"CHILD": "1", "DOB": "02/04/2007", "ACCOM": "T1"},
                {"CHILD": "2", "DOB": "01/01/2008", "ACCOM": "T2"},
            ]
        },
        (("OC3", 2), ("OC3", 3)),
    ),
    Case(
        "347",
        "18 on 1 April in a Foyer; under 18 elsewhere",
        {
            "OC3": [
                {"CHILD": "1", "DOB": "01/04/2007", "ACCOM": "T1"},
                {"CHILD": "2", "DOB": "01/01/2008", "ACCOM": "S2"},
            ]
        },
        (),
    ),
    Case(
        "406",
        "distance given for a child UASC this year, last year, or by Header status",
        {
            "Episodes": [
                E("1", "01/05/2025", PL_DISTANCE="3.0"),
                E("2", "01/05/2025", PL_DISTANCE="3.0"),
                E("3", "01/05/2025", PL_DISTANCE="3.0"),
                E("4", "01/05/2025", PL_DISTANCE="3.0"),
            ],
            "UASC": [{"CHILD": "1", "SEX": "M", "DOB": "01/01/2009", "DUC": "01/01/2027"}],
            "Header": [H("3", UASC="1"), H("4", UASC="0")],
        },
        (("Episodes", 2), ("Episodes", 3), ("Episodes", 4)),
        {"UASC": [{"CHILD": "2", "SEX": "M", "DOB": "01/01/2009", "DUC": "01/01/2026"}]},
    ),
    Case(
        "406",
        "UASC child without a distance; distance for a child never UASC",
        {
            "Episodes": [E("1", "01/05/2025"), E("2", "01/05/2025", PL_DISTANCE="3.0")],
            "UASC": [{"CHILD": "1", "SEX": "M", "DOB": "01/01/2009", "DUC": "01/01/2027"}],
            "Header": [H("1", UASC="1"), H("2", UASC="0")],
        },
        (),
    ),
    Case(
        "406",
        "no UASC data loaded",
        {"Episodes": [E("1", "01/05/2025", PL_DISTANCE="3.0")]},
        (),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{c.name}" for c in CASES])
def test_rule_case(tmp_path: Path, case: Case) -> None:
    ret = write_return(tmp_path, case.tables, previous=case.previous or None)
    assert flagged_rows(case.code, ret) == list(case.expected)


@pytest.mark.parametrize(
    ("code", "table", "rows", "column"),
    [
        ("420", "Episodes", [E("1", "01/05/2025", LS="V3")], "Episodes.PL_LA"),
        ("105", "Header", [H("1")], "Header.UASC"),
        ("164", "Episodes", [E("1", "01/05/2025")], "Episodes.PL_DISTANCE"),
    ],
)
def test_a_file_without_the_rules_column_skips_the_rule_never_passes_it(
    tmp_path: Path, code: str, table: str, rows: list[dict[str, str]], column: str
) -> None:
    """PL_LA, PL_LOCATION and PL_DISTANCE are derived by the DfE from postcodes, and the
    Header's UASC flag is in the XML only: a file without them cannot be checked, so the rule
    is reported as skipped with the column it needs, not counted as run."""
    from safeguard.returns.engine import rules_for, validate
    from safeguard.returns.ssda903.reader import read_903

    path = write_table(tmp_path / f"{table.lower()}.csv", table, rows)
    rule = next(r for r in rules_for("ssda903", "2025/26") if r.code == code)
    result = validate(read_903([path], year="2025/26"), [rule])
    assert result.rules_run == ()
    (skipped,) = result.rules_skipped
    assert skipped.missing_columns == (column,)
    assert column.split(".")[1] in skipped.needs
