"""The synthetic authority's return files read through the real readers and pass the DfE rules.

Given the demo preset at a fixed day, when `safeguard synth --returns` writes its files, then the
SSDA903 files and the CIN census XML read as the year's return, no rule fails to run and no rule
is skipped for want of a table. Neither return gives an error-type issue, apart from two SSDA903
rules that flag a valid return by the DfE's own account (`RULES_FLAGGING_VALID_DATA`); a test
checks that every row they flag is of the kind the DfE's note describes, so a real defect cannot
hide behind them.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from safeguard.cli import main
from safeguard.returns.engine import Result
from safeguard.returns.ssda903.reader import TABLES
from safeguard.returns.validation import validate_903, validate_cin

AS_AT = date(2026, 11, 27)

# Error-type rules that fire on a valid return, and why. The test below pins down which rows each
# may flag.
RULES_FLAGGING_VALID_DATA = {
    # The DfE's own note: only the two years loaded are seen, so a care leaver whose care began
    # before last year's collection looks as if never (or too briefly) looked after.
    "1001": "cannot see care before last year's collection",
    "1002": "cannot see care before last year's collection",
}


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("returns")
    code = main(
        ["synth", "--preset", "demo", "--as-at", AS_AT.isoformat(), "--returns", str(folder)]
    )
    assert code == 0
    return folder


@pytest.fixture(scope="module")
def result_903(written: Path) -> Result:
    current = sorted((written / "ssda903").glob("*.csv"))
    previous = sorted((written / "ssda903" / "previous").glob("*.csv"))
    submission, result = validate_903(current, previous)
    assert submission.year == "2025/26"
    assert {"Header", "Episodes", "Reviews", "Missing", "SWEpisodes", "Episodes_last"} <= set(
        submission.tables
    )
    assert submission.tables["Episodes"].height > 100
    # The tables beyond episodes hold the authority's children too, not just their columns.
    for table in ("OC2", "OC3", "AD1", "PlacedAdoption", "PrevPerm", "Missing", "SWEpisodes"):
        assert submission.tables[table].height > 0, table
    return result


def _errors(result: Result) -> set[str]:
    return set(result.issues.filter(pl.col("type") == "error")["rule"].unique().to_list())


def test_903_files_run_every_rule(result_903: Result) -> None:
    assert result_903.rules_failed == ()
    assert len(result_903.rules_run) > 100


def test_903_has_no_errors(result_903: Result) -> None:
    assert _errors(result_903) - set(RULES_FLAGGING_VALID_DATA) == set()
    # Every table is written, this year's and last year's, so no rule waits for one (rules may
    # still wait for context the return does not carry, such as the council's own LA code).
    missing = {table for skip in result_903.rules_skipped for table in skip.missing_tables}
    assert not missing & {*TABLES, *(f"{name}_last" for name in TABLES)}


def _episodes(written: Path) -> dict[str, list[dict[str, str]]]:
    """Each child's episodes this year and last, as written."""
    by_child: dict[str, list[dict[str, str]]] = defaultdict(list)
    for path in (
        written / "ssda903" / "episodes.csv",
        written / "ssda903" / "previous" / "episodes_last.csv",
    ):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                by_child[row["CHILD"]].append({**row, "FILE": path.name})
    return by_child


def _flagged(result: Result, rule: str) -> set[str]:
    return set(result.issues.filter(pl.col("rule") == rule)["child"].to_list())


@pytest.mark.parametrize("rule", ["1001", "1002"])
def test_care_leaver_rules_flag_only_care_begun_before_the_years_loaded(
    result_903: Result, written: Path, rule: str
) -> None:
    episodes = _episodes(written)
    for child in _flagged(result_903, rule):
        assert not any(e["RNE"] == "S" for e in episodes[child]), child


def test_cin_census_is_schema_valid_and_error_free(written: Path) -> None:
    submission, result = validate_cin(written / "cin.xml")
    assert submission.year == "2025/26"
    assert submission.schema_value_error_count == 0
    assert submission.tables["CINdetails"].height > 1000
    assert submission.tables["ChildProtectionPlans"].height > 0
    assert result.rules_failed == ()
    assert _errors(result) == set()


def test_returns_do_not_touch_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    database = tmp_path / "never.sqlite3"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{database}")
    code = main(
        [
            "synth",
            "--preset",
            "demo",
            "--years",
            "1",
            "--as-at",
            "2026-04-02",
            "--returns",
            str(tmp_path / "out"),
        ]
    )
    assert code == 0
    assert not database.exists()
    assert (tmp_path / "out" / "cin.xml").stat().st_size > 0
