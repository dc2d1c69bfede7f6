"""CIN census rules on identifiers, disabilities, assessment factors, closures and date order
(2025/26), each failing and passing through the real reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.returns.cin.helpers import child, flagged_rows, read_written


def _with(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new)


PLAN_END = "<CPPstartDate>2025-07-01</CPPstartDate>"
CIN_PLAN = "<ReferralNFA>0</ReferralNFA>"
ASSESSMENT_END = "<AssessmentAuthorisationDate>2025-06-20</AssessmentAuthorisationDate>"

# (rule code, flagged table, children of a failing file, children of a passing file)
CASES = [
    (
        "8500",
        "ChildIdentifiers",
        [_with(child("B"), "<LAchildID>B</LAchildID>", "<LAchildID/>")],
        [child("G")],
    ),
    ("8510", "ChildIdentifiers", [child("B"), child("B")], [child("G"), child("G2")]),
    ("1570", "ChildIdentifiers", [child("B" * 21)], [child("G" * 20)]),
    ("1580", "ChildIdentifiers", [child("B-1")], [child("G1")]),
    (
        "8794",
        "Disabilities",
        [child("B", disabilities=("MOB", "MOB"))],
        [child("G", disabilities=("MOB", "AUT"))],
    ),
    (
        "8790",
        "Disabilities",
        [child("B", disabilities=("NONE", "MOB"))],
        [child("G", disabilities=("NONE",))],
    ),
    (
        "8869",
        "AssessmentFactorsList",
        [child("B", factors=("21", "1A"))],
        [child("G", factors=("21",))],
    ),
    (
        "8898",
        "AssessmentFactorsList",
        [child("B", factors=("1A", "1A"))],
        [child("G", factors=("1A", "1B"))],
    ),
    (
        "8945Q",
        "AssessmentFactorsList",
        [child("B", factors=("18A",))],
        [child("G", factors=("18B",))],
    ),
    (
        "8950Q",
        "AssessmentFactorsList",
        [child("B", factors=("19A",))],
        [child("G", factors=("19C",))],
    ),
    (
        "8805",
        "CINdetails",
        [
            _with(
                child("B"),
                "<Assessments>",
                "<CINclosureDate>2025-12-01</CINclosureDate><Assessments>",
            )
        ],
        [child("G", closure=("2025-12-01", "RC7"))],
    ),
    (
        "8810",
        "CINdetails",
        [
            _with(
                child("B", primary_need=None),
                "<Assessments>",
                "<ReasonForClosure>RC7</ReasonForClosure><Assessments>",
            )
        ],
        [child("G", closure=("2025-12-01", "RC7"))],
    ),
    (
        "8630",
        "CINdetails",
        [child("B", closure=("2025-05-31", "RC7"))],
        [child("G", closure=("2025-06-01", "RC7"))],
    ),
    (
        "8608",
        "Assessments",
        [
            _with(
                child("B"),
                ASSESSMENT_END,
                "<AssessmentAuthorisationDate>2025-06-01</AssessmentAuthorisationDate>",
            )
        ],
        [
            _with(
                child("G"),
                ASSESSMENT_END,
                "<AssessmentAuthorisationDate>2025-06-02</AssessmentAuthorisationDate>",
            )
        ],
    ),
    (
        "8925",
        "ChildProtectionPlans",
        [_with(child("B"), PLAN_END, PLAN_END + "<CPPendDate>2025-06-30</CPPendDate>")],
        [_with(child("G"), PLAN_END, PLAN_END + "<CPPendDate>2025-07-02</CPPendDate>")],
    ),
    (
        "8840",
        "ChildProtectionPlans",
        [_with(child("B"), PLAN_END, PLAN_END + "<CPPendDate>2025-07-01</CPPendDate>")],
        [_with(child("G"), PLAN_END, PLAN_END + "<CPPendDate>2025-07-02</CPPendDate>")],
    ),
    (
        "8730",
        "ChildProtectionPlans",
        [
            _with(
                child("B"),
                "<NumberOfPreviousCPP>0</NumberOfPreviousCPP>",
                "<NumberOfPreviousCPP> </NumberOfPreviousCPP>",
            )
        ],
        [child("G")],
    ),
    (
        "4011",
        "CINplanDates",
        [
            _with(
                child("B"),
                CIN_PLAN,
                "<CINPlanDates><CINPlanStartDate>2025-08-01</CINPlanStartDate><CINPlanEndDate>2025-07-31</CINPlanEndDate></CINPlanDates>"
                + CIN_PLAN,
            )
        ],
        [
            _with(
                child("G"),
                CIN_PLAN,
                "<CINPlanDates><CINPlanStartDate>2025-08-01</CINPlanStartDate><CINPlanEndDate>2025-08-01</CINPlanEndDate></CINPlanDates>"
                + CIN_PLAN,
            )
        ],
    ),
]


@pytest.mark.parametrize(("code", "table", "bad", "good"), CASES, ids=[c[0] for c in CASES])
def test_rule_fails_then_passes(
    tmp_path: Path, code: str, table: str, bad: list[str], good: list[str]
) -> None:
    flags = flagged_rows(code, read_written(tmp_path / "bad", child("OK"), *bad))
    assert flags, f"rule {code} did not fire"
    assert {t for t, _, _ in flags} == {table}
    assert "OK" not in {c for _, _, c in flags}

    assert flagged_rows(code, read_written(tmp_path / "good", *good)) == []
