"""The synthetic authority's return files read through the real readers and pass the DfE rules.

Given the demo preset at a fixed day, when `safeguard synth --returns` writes its files, then the
SSDA903 files (with last year's and the earlier years' Episodes) and the CIN census XML read as
the year's return, no rule fails to run and no rule is skipped for want of a table. Neither return
gives an error-type issue. Without the earlier years' Episodes, rules 1001 and 1002 flag care
leavers whose care ended before last year's collection, as the DfE's note warns; a test checks
that the history is what clears them.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from safeguard.cli import main
from safeguard.returns.engine import Result
from safeguard.returns.ssda903.reader import TABLES
from safeguard.returns.validation import validate_903, validate_cin

AS_AT = date(2026, 11, 27)


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
    history = [written / "ssda903" / "history" / "episodes.csv"]
    submission, result = validate_903(current, previous, history=history)
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
    assert _errors(result_903) == set()
    # Every table is written, this year's and last year's, so no rule waits for one (rules may
    # still wait for context the return does not carry, such as the council's own LA code).
    missing = {table for skip in result_903.rules_skipped for table in skip.missing_tables}
    assert not missing & {*TABLES, *(f"{name}_last" for name in TABLES)}


def test_without_history_care_before_last_year_is_flagged(written: Path) -> None:
    """The history is what clears 1001 and 1002: without it the DfE's false positives return,
    each a care leaver with an episode in the history file and none this year or last."""
    current = sorted((written / "ssda903").glob("*.csv"))
    previous = sorted((written / "ssda903" / "previous").glob("*.csv"))
    _, result = validate_903(current, previous)
    flagged = set(result.issues.filter(pl.col("rule") == "1002")["child"].to_list())
    assert flagged
    history = _children(written / "ssda903" / "history" / "episodes.csv")
    recent = _children(written / "ssda903" / "episodes.csv") | _children(
        written / "ssda903" / "previous" / "episodes_last.csv"
    )
    assert flagged <= history - recent


def _children(path: Path) -> set[str]:
    with path.open(encoding="utf-8") as handle:
        return {row["CHILD"] for row in csv.DictReader(handle)}


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


@pytest.mark.parametrize(
    ("as_at", "seed", "year"),
    [("2026-03-31", 5, "2025/26"), ("2027-03-31", 9, "2026/27")],
    ids=["2025-26 seed 5", "2026-27 seed 9"],
)
def test_other_years_and_seeds_have_no_errors(
    tmp_path: Path, as_at: str, seed: int, year: str
) -> None:
    """Validity is not an accident of one seed or one year's rules: another seed on the last day
    of 2025/26, and 2026/27 (with its DoLo rules), write returns no error rule fires on."""
    args = ["synth", "--preset", "demo", "--as-at", as_at, "--seed", str(seed)]
    assert main([*args, "--returns", str(tmp_path)]) == 0
    folder = tmp_path / "ssda903"
    submission, result = validate_903(
        sorted(folder.glob("*.csv")),
        sorted((folder / "previous").glob("*.csv")),
        history=sorted((folder / "history").glob("*.csv")),
    )
    assert submission.year == year
    assert result.rules_failed == ()
    assert _errors(result) == set()
    if year == "2025/26":  # the DfE's CIN rules are held for 2025/26 (cin-rules.csv)
        _, census = validate_cin(tmp_path / "cin.xml")
        assert census.rules_failed == ()
        assert _errors(census) == set()
