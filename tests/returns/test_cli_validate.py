"""`safeguard validate 903`: report formats and exit codes (0 clean, 1 issues, 2 unusable)."""

# ruff: noqa: RUF001  (DfE messages use a typographic apostrophe)
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from safeguard.cli import main
from tests.returns.ssda903.helpers import write_table

CLEAN_HEADER = [
    {
        "CHILD": "1",
        "SEX": "F",
        "DOB": "01/02/2010",
        "ETHNIC": "WBRI",
        "UPN": "A123456789012",
        "MOTHER": "0",
    }
]
EPISODES = [
    {
        "CHILD": "1",
        "DECOM": "01/04/2025",
        "RNE": "S",
        "LS": "C2",
        "CIN": "N1",
        "PLACE": "U1",
        "PLACE_PROVIDER": "PR1",
        "URN": "SC123456",
    },
]


def _files(tmp_path: Path, header: list[dict[str, str]]) -> list[str]:
    return [
        str(write_table(tmp_path / "header.csv", "Header", header)),
        str(write_table(tmp_path / "episodes.csv", "Episodes", EPISODES)),
    ]


def test_clean_return_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "903", *_files(tmp_path, CLEAN_HEADER), "--year", "2026"]) == 0
    out = capsys.readouterr().out
    assert "collection year 2025/26" in out
    assert "issues: 0" in out


def test_issues_exit_1_with_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    header = [{**CLEAN_HEADER[0], "SEX": "X", "ETHNIC": "XXXX"}]
    assert main(["validate", "903", *_files(tmp_path, header), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["year"] == "2025/26"  # inferred from DECOM 01/04/2025
    assert "101" in report["rules_run"]
    assert {s["rule"] for s in report["rules_skipped"]} >= {"131", "INT01"}
    assert report["rules_failed"] == []
    issue = next(i for i in report["issues"] if i["rule"] == "101")
    assert issue == {
        "rule": "101",
        "type": "error",
        "child": "1",
        "table": "Header",
        "row": 2,
        "fields": ["SEX"],
        "values": ["X"],
        "message": "The child or young person’s reported sex is not valid.",
    }


def test_csv_report_to_file(tmp_path: Path) -> None:
    header = [{**CLEAN_HEADER[0], "SEX": "X"}]
    out = tmp_path / "report.csv"
    assert (
        main(["validate", "903", *_files(tmp_path, header), "--format", "csv", "--out", str(out)])
        == 1
    )
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["rule"], r["table"], r["row"], r["values"]) for r in rows] == [
        ("101", "Header", "2", "X")
    ]


def test_table_report_groups_by_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    header = [{**CLEAN_HEADER[0], "SEX": "X"}, {**CLEAN_HEADER[0], "CHILD": "2", "SEX": "Q"}]
    assert main(["validate", "903", *_files(tmp_path, header)]) == 1
    out = capsys.readouterr().out
    assert "101 (error, 2 issues): The child or young person’s reported sex is not valid." in out
    assert "  Header row 3, child 2: SEX=Q" in out


def test_unusable_input_exits_2_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "mystery.csv"
    bad.write_text("A,B\n1,2\n")
    assert main(["validate", "903", str(bad), "--year", "2026"]) == 2
    err = capsys.readouterr().err
    assert "mystery.csv" in err and "not a known SSDA903 table" in err


def test_year_without_rules_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "903", *_files(tmp_path, CLEAN_HEADER), "--year", "2020"]) == 2
    assert "no ssda903 rules for collection year 2019/20" in capsys.readouterr().err
