"""Code-list, date-validity and provider/placement rules (2025/26), each with a failing and a
passing case fed through the real reader from CSV files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.returns.ssda903.helpers import flagged_rows, write_return

# code, table, column, valid values (incl. mixed case the reader normalises), invalid values,
# whether a blank passes.
CODE_LISTS = [
    ("101", "Header", "SEX", ["M", "f", "U"], ["1", "X"], False),
    ("103", "Header", "ETHNIC", ["WBRI", "nobt"], ["WHIT", "W"], False),
    ("143", "Episodes", "RNE", ["S", "p", "B"], ["SP", "A"], True),
    ("144", "Episodes", "LS", ["C2", "v2", "J3"], ["C3", "V1"], True),
    ("145", "Episodes", "CIN", ["N1", "n8"], ["N9", "N0"], True),
    ("146", "Episodes", "PLACE", ["U1", "k3", "Z11"], ["H5", "P2", "Z1"], True),
    ("149", "Episodes", "REC", ["E11", "e4a", "X1"], ["E4", "X"], True),
    ("1009", "Episodes", "REASON_PLACE_CHANGE", ["CARPL", "custod"], ["CARP", "XX"], True),
    ("120", "PlacedAdoption", "REASON_PLACED_CEASED", ["RD1", "rd4"], ["RD5", "RD"], True),
    ("131", "OC3", "IN_TOUCH", ["YES", "refu"], ["REFUSE", "1"], False),
    ("132", "OC3", "ACTIV", ["F1", "0"], ["1", "F3"], False),
    ("133", "OC3", "ACCOM", ["B1", "0", "z2"], ["X", "1"], False),
    ("1006", "Missing", "MISSING", ["M", "a"], ["AWAY", "NA"], True),
    ("196", "OC2", "SDQ_REASON", ["SDQ1", "sdq5"], ["SDQ6", "SDQ"], True),
    ("631", "PrevPerm", "PREV_PERM", ["P1", "z1"], ["P0", "P5"], True),
    ("114", "AD1", "FOSTER_CARE", ["0", "1"], ["2", "Y"], True),
    ("175", "AD1", "NB_ADOPTR", ["1", "2"], ["0", "3"], True),
    ("176", "AD1", "SEX_ADOPTR", ["MM", "mf"], ["M", "FM"], True),
    ("177", "AD1", "LS_ADOPTR", ["L0", "l12"], ["L1", "L5"], True),
    ("SW13STG1", "SWEpisodes", "SW_REASON", ["MANAGE", "others"], ["OTHER", "MGR"], True),
]


def _rows(column: str, values: list[str]) -> list[dict[str, str]]:
    return [{"CHILD": str(i), column: value} for i, value in enumerate(values)]


@pytest.mark.parametrize(
    ("code", "table", "column", "good", "bad", "blank_ok"),
    CODE_LISTS,
    ids=[c[0] for c in CODE_LISTS],
)
def test_code_list_rule(
    tmp_path: Path,
    code: str,
    table: str,
    column: str,
    good: list[str],
    bad: list[str],
    blank_ok: bool,
) -> None:
    # Given valid codes (some in lower case), and a blank where the rule allows one
    passing = good + ([""] if blank_ok else [])
    ret = write_return(tmp_path / "pass", {table: _rows(column, passing)})
    assert flagged_rows(code, ret) == []
    # Given invalid codes among valid ones (and a blank where the rule forbids one)
    failing = [good[0], *bad] + ([] if blank_ok else [""])
    ret = write_return(tmp_path / "fail", {table: _rows(column, failing)})
    expected = [(table, row) for row in range(3, 3 + len(failing) - 1)]
    assert flagged_rows(code, ret) == expected


# code, table, column, blank passes
DATES = [
    ("102", "Header", "DOB", False),
    ("104", "UASC", "DUC", True),
    ("112", "AD1", "DATE_INT", True),
    ("113", "AD1", "DATE_MATCH", True),
    ("115", "PlacedAdoption", "DATE_PLACED", True),
    ("116", "PlacedAdoption", "DATE_PLACED_CEASED", True),
    ("141", "Episodes", "DECOM", True),
    ("147", "Episodes", "DEC", True),
    ("171", "Header", "MC_DOB", True),
    ("1004", "Missing", "MIS_START", False),
    ("1005", "Missing", "MIS_END", True),
    ("166", "Reviews", "REVIEW", False),
    ("SW04STG1", "SWEpisodes", "SW_DECOM", True),
    ("SW05STG1", "SWEpisodes", "SW_DEC", True),
]


@pytest.mark.parametrize(("code", "table", "column", "blank_ok"), DATES, ids=[d[0] for d in DATES])
def test_date_rule(tmp_path: Path, code: str, table: str, column: str, blank_ok: bool) -> None:
    passing = ["01/04/2025", "1/4/2025", "29/02/2024"] + ([""] if blank_ok else [])
    ret = write_return(tmp_path / "pass", {table: _rows(column, passing)})
    assert flagged_rows(code, ret) == []
    # 31/02 does not exist, 2025-04-01 is not dd/mm/yyyy, 01/01/19 has a two-digit year
    failing = ["01/04/2025", "31/02/2025", "2025-04-01", "01/01/19", "13/13/2025"] + (
        [] if blank_ok else [""]
    )
    ret = write_return(tmp_path / "fail", {table: _rows(column, failing)})
    assert flagged_rows(code, ret) == [(table, row) for row in range(3, 2 + len(failing))]


# code, provider, a placement it cannot provide, a placement it can
COMBOS = [
    ("527", "PR1", "R5", "U1"),
    ("528", "PR2", "P1", "K2"),
    ("529", "PR3", "U4", "R2"),
    ("530", "PR4", "P1", "K2"),
    ("531", "PR5", "P1", "U4"),
]


@pytest.mark.parametrize(("code", "provider", "bad", "good"), COMBOS, ids=[c[0] for c in COMBOS])
def test_provider_placement_rule(
    tmp_path: Path, code: str, provider: str, bad: str, good: str
) -> None:
    episodes = [
        {"CHILD": "1", "PLACE": good, "PLACE_PROVIDER": provider},
        {"CHILD": "2", "PLACE": bad, "PLACE_PROVIDER": "PR0" if provider != "PR0" else "PR1"},
    ]
    assert flagged_rows(code, write_return(tmp_path / "pass", {"Episodes": episodes})) == []
    episodes.append({"CHILD": "3", "PLACE": bad.lower(), "PLACE_PROVIDER": provider.lower()})
    ret = write_return(tmp_path / "fail", {"Episodes": episodes})
    assert flagged_rows(code, ret) == [("Episodes", 4)]
