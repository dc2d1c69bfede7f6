"""CIN census code-list rules (2025/26), each failing and passing through the real reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from safeguard.returns.engine import catalogue_for, rules_for
from tests.returns.cin.helpers import YEAR, child, flagged_rows, read_written

# (rule code, table flagged, child with the bad value, child with a good value)
CASES = [
    ("8866", "CINdetails", child("B", referral_source="1Z"), child("G", referral_source="5D")),
    ("8866", "CINdetails", child("B", referral_source=""), child("G", referral_source="10")),
    ("8650", "CINdetails", child("B", primary_need="N10"), child("G", primary_need=None)),
    (
        "8640",
        "CINdetails",
        child("B", closure=("2025-12-01", "RC10")),
        child("G", closure=("2025-12-01", "RC8")),
    ),
    ("8905", "ChildProtectionPlans", child("B", categories=("XYZ", "NEG")), child("G")),
    ("8905", "ChildProtectionPlans", child("B", categories=("", "NEG")), child("G")),
    ("8910", "ChildProtectionPlans", child("B", categories=("NEG", "abc")), child("G")),
    (
        "8540",
        "Disabilities",
        child("B", disabilities=("MOB", "WALK")),
        child("G", disabilities=("MOB", "AUT")),
    ),
    ("4220", "ChildCharacteristics", child("B", ethnicity="WXYZ"), child("G", ethnicity="NOBT")),
    ("4180", "ChildIdentifiers", child("B", sex="X"), child("G", sex="U")),
]


@pytest.mark.parametrize(("code", "table", "bad", "good"), CASES)
def test_rule_flags_the_bad_child_only(
    tmp_path: Path, code: str, table: str, bad: str, good: str
) -> None:
    submission = read_written(tmp_path, good, bad)
    flags = flagged_rows(code, submission)
    assert [(t, c) for t, _, c in flags] == [(table, "B")]
    # The row is the line of the flagged element in the file, after the good child's lines.
    bad_rows = submission.tables[table].filter(submission.tables[table]["LAchildID"] == "B")
    assert flags[0][1] in bad_rows["ROW"].to_list()


@pytest.mark.parametrize(("code", "table", "bad", "good"), CASES)
def test_rule_passes_a_good_child(
    tmp_path: Path, code: str, table: str, bad: str, good: str
) -> None:
    assert flagged_rows(code, read_written(tmp_path, good)) == []


def test_registered_rules_match_the_catalogue() -> None:
    catalogue = {e.code: e for e in catalogue_for("cin", YEAR)}
    assert len(catalogue) == 109
    for rule in rules_for("cin", YEAR):
        entry = catalogue[rule.code]
        assert rule.message == entry.message, rule.code
        assert set(rule.fields) == set(entry.fields), rule.code
