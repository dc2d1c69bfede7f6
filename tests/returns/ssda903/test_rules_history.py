"""Earlier years' Episodes (`read_903(history=...)`) read from files, and the rules that use them.

The DfE's rules 1000, 1001, 1002 and 199 can see only this year and last ("[NOTE: This tool can
only test the current and previous year data loaded into the tool ...]"). Given earlier years'
Episodes files, a care leaver whose care ended before last year's collection is no longer flagged,
a young person with no care in any year still is, and without the files nothing changes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from safeguard.returns.engine import rules_for
from safeguard.returns.ssda903.reader import (
    HISTORY,
    HISTORY_FILE,
    Return903,
    UnusableInput,
    read_903,
)
from tests.returns.ssda903.helpers import YEAR, Rows, flagged_rows, write_table


def E(child: str, decom: str, **values: str) -> dict[str, str]:
    """An Episodes row of a child in care under a care order, in foster care."""
    return {"CHILD": child, "DECOM": decom, "RNE": "S", "LS": "C2", "PLACE": "U1", **values}


def H(child: str, dob: str) -> dict[str, str]:
    return {"CHILD": child, "SEX": "M", "DOB": dob, "ETHNIC": "WBRI"}


def OC3(child: str, dob: str) -> dict[str, str]:
    return {"CHILD": child, "DOB": dob, "IN_TOUCH": "YES", "ACTIV": "F1", "ACCOM": "S2"}


def _read(
    folder: Path,
    current: dict[str, Rows],
    last: Rows,
    history: list[Rows] | None = None,
) -> Return903:
    folder.mkdir(parents=True, exist_ok=True)
    paths = [
        write_table(folder / f"{name.lower()}.csv", name, rows) for name, rows in current.items()
    ]
    previous = [write_table(folder / "episodes_last.csv", "Episodes", last)]
    earlier = [
        write_table(folder / f"history_{i}.csv", "Episodes", rows)
        for i, rows in enumerate(history or [])
    ]
    return read_903(paths, previous, YEAR, history=earlier)


# Child 1 left care in September 2023 at 16 after years in care: a care leaver whose care all lies before last
# year's collection. Child 2 was never looked after here. Child 3 was in care last year only.
CURRENT: dict[str, Rows] = {
    "Header": [H("1", "10/06/2007"), H("2", "10/06/2007"), H("3", "10/06/2007")],
    "Episodes": [E("9", "01/05/2025")],
    "OC3": [OC3("1", "10/06/2007"), OC3("2", "10/06/2007"), OC3("3", "10/06/2007")],
}
LAST: Rows = [E("3", "01/01/2020", DEC="10/06/2024", REC="E8")]
HISTORY_2023: Rows = [E("1", "01/02/2018", DEC="10/09/2023", REC="E8")]
HISTORY_2022: Rows = [E("1", "01/02/2018")]


def test_history_is_one_table_with_file_and_line(tmp_path: Path) -> None:
    submission = _read(tmp_path, CURRENT, LAST, [HISTORY_2022, HISTORY_2023])
    history = submission.tables[HISTORY]
    assert history["CHILD"].to_list() == ["1", "1"]
    assert history["ROW"].to_list() == [2, 2]
    assert [Path(f).name for f in history[HISTORY_FILE].to_list()] == [
        "history_0.csv",
        "history_1.csv",
    ]
    # Typed as Episodes are: dates parsed once, text kept.
    assert str(history["DEC"][1]) == "2023-09-10"
    assert history["DEC__text"][1] == "10/09/2023"
    assert "history_0.csv" in submission.files[HISTORY]


def test_no_history_no_table(tmp_path: Path) -> None:
    assert HISTORY not in _read(tmp_path, CURRENT, LAST).tables


def test_history_of_another_table_is_refused(tmp_path: Path) -> None:
    oc3 = write_table(tmp_path / "oc3.csv", "OC3", [OC3("1", "10/06/2007")])
    episodes = write_table(tmp_path / "episodes.csv", "Episodes", [E("1", "01/05/2025")])
    with pytest.raises(UnusableInput, match=r"oc3\.csv: holds the OC3 table; earlier years' files"):
        read_903([episodes], year=YEAR, history=[oc3])


@pytest.mark.parametrize("code", ["1000", "1001", "1002", "199"])
def test_rules_run_without_history(code: str) -> None:
    """HISTORY is optional: the rules are not skipped for want of it."""
    rule = {r.code: r for r in rules_for("ssda903", YEAR)}[code]
    assert HISTORY not in rule.tables


@pytest.mark.parametrize("code", ["1001", "1002"])
def test_care_before_last_year_is_a_false_positive_without_history(
    tmp_path: Path, code: str
) -> None:
    submission = _read(tmp_path, CURRENT, LAST)
    assert ("OC3", 2) in flagged_rows(code, submission)


@pytest.mark.parametrize("code", ["1001", "1002"])
def test_history_clears_the_false_positive_and_keeps_the_true_one(
    tmp_path: Path, code: str
) -> None:
    submission = _read(tmp_path, CURRENT, LAST, [HISTORY_2022, HISTORY_2023])
    flagged = flagged_rows(code, submission)
    assert ("OC3", 2) not in flagged
    # Child 2 has no episode in any year given: flagged with or without the history.
    assert ("OC3", 3) in flagged
    # Child 3's care last year was enough, as before.
    assert ("OC3", 4) not in flagged


def test_1001_history_with_too_little_care_is_still_flagged(tmp_path: Path) -> None:
    """Care in an earlier year counts only as much as it lasted: 30 days after 16 is not enough."""
    short = [E("1", "01/07/2023", DEC="31/07/2023", REC="E8")]
    submission = _read(tmp_path, CURRENT, LAST, [short])
    assert ("OC3", 2) in flagged_rows("1001", submission)


def test_1000_death_in_an_earlier_year(tmp_path: Path) -> None:
    died = [E("1", "01/02/2018", DEC="10/09/2023", REC="E2")]
    assert flagged_rows("1000", _read(tmp_path / "a", CURRENT, LAST)) == []
    assert flagged_rows("1000", _read(tmp_path / "b", CURRENT, LAST, [died])) == [("OC3", 2)]


def test_199_adoption_in_an_earlier_year(tmp_path: Path) -> None:
    current: dict[str, Rows] = {"Episodes": [E("5", "01/05/2025"), E("6", "01/05/2025")]}
    adopted = [E("5", "01/02/2019", DEC="10/06/2021", REC="E11")]
    assert flagged_rows("199", _read(tmp_path / "a", current, LAST)) == []
    assert flagged_rows("199", _read(tmp_path / "b", current, LAST, [adopted])) == [("Episodes", 2)]


def test_199_earlier_copy_of_this_years_adoption_is_not_an_earlier_adoption(
    tmp_path: Path,
) -> None:
    """A history file that also holds this year's episodes does not make them follow themselves."""
    this_year = [E("5", "01/05/2024", DEC="01/06/2025", REC="E11")]
    current: dict[str, Rows] = {"Episodes": this_year}
    submission = _read(tmp_path, current, LAST, [this_year])
    assert flagged_rows("199", submission) == []
