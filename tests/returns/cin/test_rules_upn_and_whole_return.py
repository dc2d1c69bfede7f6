"""CIN census rules on UPNs, whole-return counts, conferences, closures and reviews (2025/26), each
failing and passing through the real reader from a file. Rules the DfE raises at LA level flag the
return's Header row, with no child."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from types import MappingProxyType

import pytest

from safeguard.returns.cin.reader import SchemaFailure, read_cin
from tests.returns.cin.helpers import child, flagged_rows, read_written, write_cin

NFA = "<ReferralNFA>0</ReferralNFA>"
REVIEW = "<CPPreviewDate>2025-09-01</CPPreviewDate>"
BIRTH = "<PersonBirthDate>2015-05-01</PersonBirthDate>"
EIGHT_DISABILITIES = ("MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS")
CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def _with(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


def upn(rest: str) -> str:
    """A UPN with the right check letter for its last 12 characters (the DfE algorithm, written
    out again here so the rule is checked against an independent reading of it)."""
    values = {str(d): d for d in range(10)} | {c: n for n, c in enumerate(CHECK_LETTERS)}
    total = sum(values[c] * weight for weight, c in enumerate(rest, start=2))
    return CHECK_LETTERS[total % 23] + rest


GOOD_UPN = upn("330123456789")
WRONG_LETTER_UPN = ("B" if GOOD_UPN[0] != "B" else "C") + GOOD_UPN[1:]


def identified(child_id: str, element: str, value: str, **kwargs: object) -> str:
    """A child with identifier `element` (UPN, FormerUPN or UPNunknown) set to `value`."""
    return _with(
        child(child_id, **kwargs),  # type: ignore[arg-type]
        f"<LAchildID>{child_id}</LAchildID>",
        f"<LAchildID>{child_id}</LAchildID><{element}>{value}</{element}>",
    )


def conference(text: str, on: str = "2025-07-01") -> str:
    """`text` with an initial conference on the CIN episode on `on`."""
    return _with(text, "<Assessments>", f"<DateOfInitialCPC>{on}</DateOfInitialCPC><Assessments>")


def cin_plan(text: str, start: str, end: str | None = None) -> str:
    """`text` with a CIN plan from `start` to `end` (open when None)."""
    ended = f"<CINPlanEndDate>{end}</CINPlanEndDate>" if end else ""
    plan = f"<CINPlanDates><CINPlanStartDate>{start}</CINPlanStartDate>{ended}</CINPlanDates>"
    return _with(text, NFA, plan + NFA)


OK = conference(identified("OK", "UPN", GOOD_UPN))
"""A child no rule here flags, in every failing file so a rule is seen to pick the bad child."""

# (rule code, tables flagged, children of a failing file, children of a passing file)
CASES = [
    (
        "1510",
        {"ChildIdentifiers"},
        [identified("B", "UPN", WRONG_LETTER_UPN)],
        [identified("G", "UPN", GOOD_UPN), identified("G2", "UPN", upn("33012345678A"))],
    ),
    (
        "1530",
        {"ChildIdentifiers"},
        [identified("B", "UPN", upn("999123456789"))],
        [identified("G", "UPN", GOOD_UPN), identified("G2", "UPN", upn("942123456789"))],
    ),
    (
        "1540",
        {"ChildIdentifiers"},
        [identified("B", "UPN", "A3301234X6789")],
        [identified("G", "UPN", GOOD_UPN)],
    ),
    (
        "1550",
        {"ChildIdentifiers"},
        [identified("B", "UPN", "A33012345678I")],
        [identified("G", "UPN", "A33012345678A"), identified("G2", "UPN", "A330123456789")],
    ),
    (
        "1560Q",
        {"ChildIdentifiers"},
        [identified("B", "FormerUPN", "X98721238")],
        [identified("G", "FormerUPN", "X987654321231")],
    ),
    # LA level: two plans (the OK child's and B's) and one conference.
    ("2883", {"Header"}, [child("B")], [conference(child("G"))]),
    (
        "2885",
        {"ChildProtectionPlans"},
        [conference(child("B"), on="2025-06-30")],
        [conference(child("G"))],
    ),
    ("2886Q", {"Header"}, [child("B", sex="U")], [child("G"), child("G2", sex="M")]),
    (
        "2887Q",
        {"Header"},
        [child("B", disabilities=("MOB", "AUT"))],
        [child("G", disabilities=EIGHT_DISABILITIES)],
    ),
    (
        "2888Q",
        {"Header"},
        [child("B", disabilities=("MOB",))],
        [child("G", disabilities=("MOB",)), child("G2", disabilities=("MOB", "AUT"))],
    ),
    (
        "4003",
        {"Reviews"},
        [cin_plan(child("B"), "2025-08-01")],
        [cin_plan(child("G"), "2025-06-01", "2025-07-01"), cin_plan(child("G2"), "2025-09-02")],
    ),
    (
        "8565",
        {"CINdetails", "Assessments"},
        [child("B", closure=("2025-06-10", "RC7"))],
        [child("G", closure=("2026-03-01", "RC7")), child("G2", closure=("2025-06-20", "RC7"))],
    ),
    (
        "8568",
        {"CINdetails"},
        [_with(child("B"), NFA, "<ReferralNFA>2</ReferralNFA>")],
        [child("G"), _with(child("G2"), NFA, "<ReferralNFA>1</ReferralNFA>")],
    ),
    (
        "8770Q",
        {"ChildIdentifiers"},
        [child("B"), identified("B", "UPNunknown", "UN1")],
        [
            identified("G", "UPNunknown", "UN2"),
            identified("G2", "UPN", GOOD_UPN),
            _with(child("G3"), BIRTH, "<PersonBirthDate>2022-05-01</PersonBirthDate>"),
        ],
    ),
    (
        "8842Q",
        {"Reviews"},
        [_with(child("B"), REVIEW, "<CPPreviewDate></CPPreviewDate>")],
        [child("G")],
    ),
    (
        "8873Q",
        {"Assessments", "CINdetails"},
        [child("B", factors=("21",))],
        [child("G", factors=("21",), closure=("2025-07-01", "RC8")), child("G2", factors=("1A",))],
    ),
]


@pytest.mark.parametrize(("code", "tables", "bad", "good"), CASES, ids=[c[0] for c in CASES])
def test_rule_fails_then_passes(
    tmp_path: Path, code: str, tables: set[str], bad: list[str], good: list[str]
) -> None:
    flags = flagged_rows(code, read_written(tmp_path / "bad", OK, *bad))
    assert flags, f"rule {code} did not fire"
    assert {t for t, _, _ in flags} == tables
    # A row-level rule flags only the bad child; an LA-level rule flags the Header, no child.
    assert {c for _, _, c in flags} <= ({None} if tables == {"Header"} else {"B"})

    assert flagged_rows(code, read_written(tmp_path / "good", *good)) == []


def test_8590_flags_a_child_without_a_cin_episode_in_tables_built_directly(tmp_path: Path) -> None:
    # The reader cannot produce such a child (the XSD requires a CINdetails per Child), so the
    # failing case drops the episode from tables the real reader made.
    read = read_written(tmp_path, child("OK"), child("B"))
    episodes = read.tables["CINdetails"]
    broken = dataclasses.replace(
        read,
        tables=MappingProxyType(
            {**read.tables, "CINdetails": episodes.filter(episodes["LAchildID"] != "B")}
        ),
    )
    flags = flagged_rows("8590", broken)
    assert [(t, c) for t, _, c in flags] == [("ChildIdentifiers", "B")]
    assert flagged_rows("8590", read) == []


def test_8590_cannot_come_through_the_reader(tmp_path: Path) -> None:
    text = child("B")
    start = text.index("<CINdetails>")
    end = text.index("</CINdetails>") + len("</CINdetails>")
    with pytest.raises(SchemaFailure):
        read_cin(write_cin(tmp_path, text[:start] + text[end:]))


def test_value_level_xsd_failures_reach_the_upn_rules(tmp_path: Path) -> None:
    # "A3301234X6789" fails the XSD's UPN pattern; the child is still read and rule 1540 says why.
    read = read_written(tmp_path, identified("B", "UPN", "A3301234X6789"))
    assert read.schema_value_error_count >= 1
    assert [c for _, _, c in flagged_rows("1540", read)] == ["B"]


NEW_CODES = {
    "1510",
    "1530",
    "1540",
    "1550",
    "1560Q",
    "2883",
    "2885",
    "2886Q",
    "2887Q",
    "2888Q",
    "4003",
    "8565",
    "8568",
    "8590",
    "8770Q",
    "8842Q",
    "8873Q",
}


def test_every_new_rule_has_a_case() -> None:
    assert {c[0] for c in CASES} | {"8590"} == NEW_CODES
