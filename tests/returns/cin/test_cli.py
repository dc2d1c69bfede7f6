"""`safeguard validate cin`: the report through the shared engine, exit codes 0 and 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safeguard.cli import main
from safeguard.returns.engine import catalogue_for, rules_for
from tests.returns.cin.helpers import YEAR, child, clean_child, write_cin


def test_json_report_lists_issues_and_every_rule_not_implemented(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_cin(tmp_path, child("A"), child("B", referral_source="1Z"))

    code = main(["validate", "cin", "--year", "2026", "--format", "json", str(path)])

    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert code == 1
    assert report["year"] == YEAR
    [issue] = [i for i in report["issues"] if i["rule"] == "8866"]
    assert issue["child"] == "B"
    assert issue["table"] == "CINdetails"
    assert issue["type"] == "error"
    assert dict(zip(issue["fields"], issue["values"], strict=True))["ReferralSource"] == "1Z"
    implemented = {rule.code for rule in rules_for("cin", YEAR)}
    listed = {entry["rule"] for entry in report["rules_not_implemented"]}
    assert listed == {e.code for e in catalogue_for("cin", YEAR)} - implemented
    assert set(report["rules_run"]) == implemented
    # The XSD saw the bad code too; the user is told, and the rule reports it.
    assert "fail the CIN XSD" in captured.err


def test_clean_file_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "cin", str(write_cin(tmp_path, clean_child()))]) == 0
    assert "collection year 2025/26" in capsys.readouterr().out


def test_a_year_without_rules_is_unusable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_cin(tmp_path, child())
    assert main(["validate", "cin", "--year", "2027", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err
    assert "no cin rules for collection year 2026/27" in err
