"""Every CIN census rule of the year has a failing and a passing case through the real reader.

Each rule test module's CASES are (code, table(s), a child the rule flags, a child it passes),
and each module's test asserts both; this test checks that together they cover the catalogue.
"""

from __future__ import annotations

from safeguard.returns.engine import catalogue_for, rules_for
from tests.returns.cin import (
    test_rules_code_lists,
    test_rules_dates,
    test_rules_episodes,
    test_rules_records,
    test_rules_upn_and_whole_return,
)

YEAR = "2025/26"

# 8590 (a child with no CINdetails) cannot come through the reader, whose XSD check refuses such
# a file; its own tests build the tables directly (test_rules_upn_and_whole_return.py).
NOT_THROUGH_THE_READER = {"8590"}
# 100 (the Header's ReferenceDate) has its failing and passing case as one parametrised test in
# test_rules_episodes.py (a reference date of 30 March flags, 31 March passes).
TESTED_ON_THEIR_OWN = {"100"}


def test_every_cin_rule_has_a_failing_and_a_passing_case() -> None:
    covered = {
        case[0]
        for module in (
            test_rules_code_lists,
            test_rules_dates,
            test_rules_episodes,
            test_rules_records,
            test_rules_upn_and_whole_return,
        )
        for case in module.CASES
        if case[2] and case[3]  # a flagged child and a passing one
    }
    registered = {rule.code for rule in rules_for("cin", YEAR)}
    catalogue = {entry.code for entry in catalogue_for("cin", YEAR)}
    assert registered == catalogue
    assert sorted(registered - covered - NOT_THROUGH_THE_READER - TESTED_ON_THEIR_OWN) == []
    assert not covered - registered, "cases for rules that are not registered"
