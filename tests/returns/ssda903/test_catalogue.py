"""Every registered rule says exactly what the DfE catalogue says, and every rule is tested."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from safeguard.returns.engine import catalogue_for, rules_for
from safeguard.returns.ssda903.reader import COUNCIL, PROVIDERS, TABLES
from tests.returns.ssda903 import (
    test_rules_2026_27,
    test_rules_adoption_missing,
    test_rules_cases,
    test_rules_codes_dates,
    test_rules_context_and_uasc,
    test_rules_cross_year,
    test_rules_episodes_ages,
    test_rules_health_care_leavers,
    test_rules_more_2025_26,
    test_rules_placement_2025_26,
    test_rules_sequences_adoption,
    test_rules_twelve_months,
)

# The DfE catalogue sits beside the repository: ../shared/specs/ssda903-rules.csv.
CATALOGUE = Path(__file__).resolve().parents[4] / "shared" / "specs" / "ssda903-rules.csv"

YEARS = ("2025/26", "2026/27")


def _catalogue(year: str) -> dict[str, str]:
    """The shipped catalogue (itself checked against shared/specs when that is beside the repo)."""
    return {e.code: e.message for e in catalogue_for("ssda903", year)}


@pytest.mark.parametrize("year", YEARS)
def test_every_rule_message_is_the_catalogues(year: str) -> None:
    catalogue = _catalogue(year)
    rules = rules_for("ssda903", year)
    assert rules, "no rules registered"
    for rule in rules:
        assert rule.code in catalogue, f"rule {rule.code} is not in the {year} catalogue"
        assert rule.message == catalogue[rule.code], f"rule {rule.code} message differs"


@pytest.mark.parametrize("year", YEARS)
def test_every_rule_reads_known_tables_and_cites_itself(year: str) -> None:
    known = set(TABLES) | {f"{t}_last" for t in TABLES} | {COUNCIL, PROVIDERS}
    for rule in rules_for("ssda903", year):
        assert set(rule.tables) <= known, rule.code
        assert rule.type in {"error", "query"}
        doc = rule.check.__module__
        module = __import__(doc, fromlist=["__doc__"])
        assert module.__doc__ is not None
        assert module.__doc__.startswith(f"SSDA903 rule {rule.code} ({rule.type}): {rule.message}")
        assert module.__name__.endswith(f"rule_{rule.code}")


def test_every_registered_rule_has_a_failing_and_a_passing_case() -> None:
    tested: dict[str, set[str]] = {}
    for code, *_ in (
        *test_rules_codes_dates.CODE_LISTS,
        *test_rules_codes_dates.DATES,
        *test_rules_codes_dates.COMBOS,
    ):
        tested[code] = {"fail", "pass"}  # those tests assert both
    for case in (
        *test_rules_cases.CASES,
        *test_rules_episodes_ages.CASES,
        *test_rules_health_care_leavers.CASES,
        *test_rules_sequences_adoption.CASES,
        *test_rules_cross_year.CASES,
        *test_rules_twelve_months.CASES,
        *test_rules_adoption_missing.CASES,
        *test_rules_more_2025_26.CASES,
        *test_rules_placement_2025_26.CASES,
        *test_rules_context_and_uasc.CASES,
    ):
        tested.setdefault(case.code, set()).add("fail" if case.expected else "pass")
    registered = {rule.code for rule in rules_for("ssda903", "2025/26")}
    # Rules held for 2025/26 (2026/27 additions are covered by the test below).
    untested = sorted(c for c in registered if tested.get(c) != {"fail", "pass"})
    assert untested == []
    assert not set(tested) - registered, "cases for rules that are not registered"


RULES = Path(__file__).resolve().parents[3] / "src/safeguard/returns/rules/ssda903"


def test_rule_files_are_named_by_code() -> None:
    paths = list(RULES.glob("y*/rule_*.py"))
    assert len(paths) > 237
    for path in paths:
        assert re.search(rf'CODE = "{re.escape(path.stem[5:])}"', path.read_text(encoding="utf-8"))


def test_2026_27_rules_each_have_a_failing_and_a_passing_case() -> None:
    tested: dict[str, set[str]] = {}
    for case in test_rules_2026_27.CASES:
        tested.setdefault(case.code, set()).add("fail" if case.expected else "pass")
    added = {path.stem[5:] for path in (RULES / "y2026_27").glob("rule_*.py")}
    assert added == set(tested)
    assert all(tested[code] == {"fail", "pass"} for code in added)


def test_2026_27_folder_holds_only_what_changed() -> None:
    """The y2026_27 folder holds exactly the catalogue's additions, changes and deletions."""
    by_year = {
        year: {e.code: (e.message, e.fields, e.tables) for e in catalogue_for("ssda903", year)}
        for year in ("2025/26", "2026/27")
    }
    old, new = by_year["2025/26"], by_year["2026/27"]
    changed = {c for c in new if c not in old or old[c] != new[c]} | (set(old) - set(new))
    held = {path.stem[5:] for path in (RULES / "y2026_27").glob("rule_*.py")}
    assert held == changed


@pytest.mark.parametrize("year", YEARS)
def test_shipped_catalogue_is_the_spec_catalogue(year: str) -> None:
    """The copy shipped in the package (read by reports) matches shared/specs exactly."""
    if not CATALOGUE.exists():
        pytest.skip("shared/specs is not beside this checkout")
    with CATALOGUE.open(encoding="utf-8") as handle:
        spec = {
            r["code"]: (r["message"], r["affected_fields"], r["tables"])
            for r in csv.DictReader(handle)
            if r["collection_year"] == year
        }
    shipped = {
        e.code: (e.message, ";".join(e.fields), ";".join(e.tables))
        for e in catalogue_for("ssda903", year)
    }
    assert shipped == spec
