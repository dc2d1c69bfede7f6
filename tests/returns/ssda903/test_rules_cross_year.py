"""Rules comparing this year's return with last year's, and the mother field (2025/26): failing
and passing cases through the real reader, last year's files read as `previous`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.returns.ssda903.helpers import flagged_rows, write_return
from tests.returns.ssda903.test_rules_cases import Case, H
from tests.returns.ssda903.test_rules_episodes_ages import E

OPEN_LAST_YEAR = {
    "Episodes": [
        E(
            "1",
            "01/01/2024",
            DEC="01/06/2024",
            REC="X1",
            RNE="S",
            LS="C1",
            CIN="N1",
            PLACE="U1",
            PLACE_PROVIDER="PR1",
        ),
        E(
            "1",
            "01/06/2024",
            RNE="P",
            LS="C2",
            CIN="N1",
            PLACE="U4",
            PLACE_PROVIDER="PR1",
            URN="SC1",
        ),
    ]
}
SAME = dict(RNE="P", LS="C2", CIN="N1", PLACE="U4", PLACE_PROVIDER="PR1", URN="SC1")

CASES: list[Case] = [
    Case(
        "393",
        "looked-after girl without mother field",
        {
            "Header": [H("1"), H("2", SEX="M"), H("3")],
            "Episodes": [E("1", "01/05/2025"), E("2", "01/05/2025"), E("3", "01/05/2025", LS="V3")],
        },
        (("Header", 2),),
    ),
    Case(
        "393",
        "mother field completed",
        {"Header": [H("1", MOTHER="0")], "Episodes": [E("1", "01/05/2025")]},
        (),
    ),
    Case(
        "207",
        "no longer a mother",
        {
            "Header": [H("1", MOTHER="0"), H("2")],
            "Episodes": [E("1", "01/05/2025"), E("2", "01/05/2025")],
        },
        (("Header", 2), ("Header", 3)),
        {
            "Header": [
                H("1", MOTHER="1", MC_DOB="01/01/2025"),
                H("2", MOTHER="1", MC_DOB="01/01/2025"),
            ]
        },
    ),
    Case(
        "207",
        "still a mother; not looked after",
        {"Header": [H("1", MOTHER="1"), H("2", MOTHER="0")], "Episodes": [E("1", "01/05/2025")]},
        (),
        {"Header": [H("1", MOTHER="1"), H("2", MOTHER="1")]},
    ),
    Case(
        "624",
        "first child's birth date changed",
        {"Header": [H("1", MOTHER="1", MC_DOB="02/01/2025")]},
        (("Header", 2),),
        {"Header": [H("1", MOTHER="1", MC_DOB="01/01/2025")]},
    ),
    Case(
        "624",
        "unchanged, or first recorded this year",
        {
            "Header": [
                H("1", MOTHER="1", MC_DOB="01/01/2025"),
                H("2", MOTHER="1", MC_DOB="01/01/2025"),
            ]
        },
        (),
        {"Header": [H("1", MOTHER="1", MC_DOB="01/01/2025"), H("2", MOTHER="0")]},
    ),
    Case(
        "502",
        "first episode does not start with last year's open one",
        {
            "Episodes": [
                E("1", "02/06/2024", **SAME),
                E("1", "01/05/2025", DEC="02/05/2025", REC="E13"),
            ]
        },
        (("Episodes", 2),),
        OPEN_LAST_YEAR,
    ),
    Case(
        "502",
        "first episode continues last year's",
        {"Episodes": [E("1", "01/06/2024", **SAME)]},
        (),
        OPEN_LAST_YEAR,
    ),
    Case(
        "NoE",
        "started before this year, absent last year",
        {"Episodes": [E("1", "01/06/2024", **SAME), E("2", "31/03/2025"), E("2", "01/04/2025")]},
        (("Episodes", 3),),
        OPEN_LAST_YEAR,
    ),
    Case(
        "NoE",
        "started this year, or present last year",
        {"Episodes": [E("1", "01/06/2024"), E("2", "01/04/2025")]},
        (),
        OPEN_LAST_YEAR,
    ),
]
for _code, _field, _other in (
    ("503A", "RNE", "L"),
    ("503B", "LS", "C1"),
    ("503C", "CIN", "N2"),
    ("503D", "PLACE", "U6"),
    ("503E", "PLACE_PROVIDER", "PR2"),
    ("503F", "URN", "SC2"),
):
    CASES.append(
        Case(
            _code,
            f"{_field} differs from last year's open episode",
            {
                "Episodes": [
                    E("1", "01/06/2024", **{**SAME, _field: _other}),
                    E("1", "01/07/2025", **SAME),
                ]
            },
            (("Episodes", 2),),
            OPEN_LAST_YEAR,
        )
    )
    CASES.append(
        Case(
            _code,
            f"{_field} agrees; last year's episode closed",
            {
                "Episodes": [
                    E("1", "01/06/2024", **SAME),
                    E("1", "01/07/2025", **{**SAME, _field: _other}),
                ],
                "Header": [H("1")],
            },
            (),
            {
                "Episodes": [
                    *OPEN_LAST_YEAR["Episodes"],
                    E("2", "01/06/2024", DEC="01/07/2024", REC="E13"),
                ]
            },
        )
    )
CASES.append(
    Case(
        "503D",
        "Z1 last year continues as Z12",
        {"Episodes": [E("1", "01/06/2024", **{**SAME, "PLACE": "Z12", "PLACE_PROVIDER": ""})]},
        (),
        {"Episodes": [E("1", "01/06/2024", **{**SAME, "PLACE": "Z1", "PLACE_PROVIDER": ""})]},
    )
)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{c.name}" for c in CASES])
def test_rule_case(tmp_path: Path, case: Case) -> None:
    ret = write_return(tmp_path, case.tables, previous=case.previous or None)
    assert flagged_rows(case.code, ret) == list(case.expected)
