"""The synthetic authority's return files read through the real readers and pass the DfE rules.

Given the demo preset at a fixed day, when `safeguard synth --returns` writes its files, then the
SSDA903 files and the CIN census XML read as the year's return and no rule fails to run. The CIN
census gives no error-type issue; the SSDA903 return gives none beyond the rules listed in
`KNOWN_903_ERRORS`, each a known defect reported to the lead, and the strict test below says so.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from safeguard.cli import main
from safeguard.returns.engine import Result
from safeguard.returns.validation import validate_903, validate_cin

AS_AT = date(2026, 11, 27)

# Error-type rules that still fire on the generated 903 return, and why (reported to the lead).
KNOWN_903_ERRORS = {
    # Flag children who left care during the year too (64 of 66 on the demo preset); the DfE asks
    # for a social worker episode open at 31 March only of children looked after then.
    "SW17STG2": "rule scope in question; 2 generated children also lack an open episode",
    "SW11bSTG2": "as SW17STG2",
    # H5/Z1 placements that began before the codes were retired and run on into 2025/26.
    "146": "generator keeps retired PLACE codes on episodes open across 1 April 2025",
    # A handful of generated episode sequences the DfE rules reject.
    "378": "generator: P1 under V2",
    "217": "generator: A5 with RNE P",
    "408": "generator: A5 without placement order legal status",
    "516": "generator: E45/E46 from a non-foster placement",
    "574": "generator: overlapping missing episodes",
    "550": "generator: PR0 with H5",
    "355": "generator: an episode starting and ending on one day",
    "434": "generator: RNE L without a legal status change",
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
    return result


def _errors(result: Result) -> set[str]:
    return set(result.issues.filter(pl.col("type") == "error")["rule"].unique().to_list())


def test_903_files_run_every_rule(result_903: Result) -> None:
    assert result_903.rules_failed == ()
    assert len(result_903.rules_run) > 100


def test_903_errors_are_only_the_known_ones(result_903: Result) -> None:
    assert _errors(result_903) <= set(KNOWN_903_ERRORS)


@pytest.mark.xfail(strict=True, reason="KNOWN_903_ERRORS: generator defects and a rule question")
def test_903_has_no_errors(result_903: Result) -> None:
    assert _errors(result_903) == set()


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
