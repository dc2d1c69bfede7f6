"""CIN census rules on dates against the collection year, the referral, the child's death and
other plans (2025/26), each failing and passing through the real reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.returns.cin.helpers import child, flagged_rows, read_written

NFA = "<ReferralNFA>0</ReferralNFA>"
SEX = "<Sex>F</Sex>"
CPP_START = "<CPPstartDate>2025-07-01</CPPstartDate>"
ASSESSMENT_START = "<AssessmentActualStartDate>2025-06-02</AssessmentActualStartDate>"
ASSESSMENT_END = "<AssessmentAuthorisationDate>2025-06-20</AssessmentAuthorisationDate>"
REFERRAL = "<CINreferralDate>2025-06-01</CINreferralDate>"
BIRTH = "<PersonBirthDate>2015-05-01</PersonBirthDate>"


def _with(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new)


def _plans(child_id: str, *plans: tuple[str, str | None], death: str | None = None) -> str:
    """A child with CIN plans (start, end or None) and, if given, a date of death."""
    xml = "".join(
        f"<CINPlanDates><CINPlanStartDate>{start}</CINPlanStartDate>"
        + (f"<CINPlanEndDate>{end}</CINPlanEndDate>" if end else "")
        + "</CINPlanDates>"
        for start, end in plans
    )
    return _died(_with(child(child_id), NFA, xml + NFA), death)


def _s47(child_id: str, start: str, conference: str | None, not_required: str = "0") -> str:
    """A child with one section 47 enquiry starting `start`, with an ICPC on `conference`."""
    icpc = f"<DateOfInitialCPC>{conference}</DateOfInitialCPC>" if conference else ""
    xml = (
        f"<Section47><S47ActualStartDate>{start}</S47ActualStartDate>{icpc}"
        f"<ICPCnotRequired>{not_required}</ICPCnotRequired></Section47>"
    )
    return _with(child(child_id), NFA, xml + NFA)


def _died(text: str, death: str | None) -> str:
    if death is None:
        return text
    return _with(text, SEX, f"{SEX}<PersonDeathDate>{death}</PersonDeathDate>")


def _cpp(child_id: str, start: str = "2025-07-01", end: str | None = None) -> str:
    """A child whose child protection plan runs from `start` to `end`."""
    ended = f"<CPPendDate>{end}</CPPendDate>" if end else ""
    return _with(child(child_id), CPP_START, f"<CPPstartDate>{start}</CPPstartDate>{ended}")


def _two_cpps(child_id: str, first_end: str | None) -> str:
    """A child with two child protection plans; the second is open."""
    text = _cpp(child_id, end=first_end)
    second = (
        "<ChildProtectionPlans><CPPstartDate>2025-10-01</CPPstartDate>"
        "<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>"
        "<LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>"
        "<NumberOfPreviousCPP>1</NumberOfPreviousCPP></ChildProtectionPlans>"
    )
    return _with(text, "</ChildProtectionPlans>", "</ChildProtectionPlans>" + second)


def _nfa(text: str) -> str:
    """`text` as a referral with no further action."""
    return _with(text, NFA, "<ReferralNFA>1</ReferralNFA>")


def _date(child_id: str, old: str, tag: str, value: str, death: str | None = None) -> str:
    """A child with element `old` replaced by <tag>value</tag>."""
    return _died(_with(child(child_id), old, f"<{tag}>{value}</{tag}>"), death)


def _open_assessment(child_id: str, start: str) -> str:
    """A child whose assessment started on `start` and is not completed."""
    text = _with(child(child_id), ASSESSMENT_END, "")
    return _with(
        text, ASSESSMENT_START, f"<AssessmentActualStartDate>{start}</AssessmentActualStartDate>"
    )


def _unborn(child_id: str, expected: str) -> str:
    """An unborn child expected on `expected`."""
    return _with(
        child(child_id, sex="U"),
        BIRTH,
        f"<ExpectedPersonBirthDate>{expected}</ExpectedPersonBirthDate>",
    )


REVIEW = "<CPPreviewDate>2025-09-01</CPPreviewDate>"


def _upn(child_id: str, element: str, value: str, *, nfa: str = "0") -> str:
    """A child with `element` (UPN or UPNunknown) set to `value`, its referral's ReferralNFA `nfa`."""
    text = _with(
        child(child_id),
        f"<LAchildID>{child_id}</LAchildID>",
        f"<LAchildID>{child_id}</LAchildID><{element}>{value}</{element}>",
    )
    return _with(text, NFA, f"<ReferralNFA>{nfa}</ReferralNFA>")


# (rule code, flagged table, children of a failing file, children of a passing file)
CASES = [
    (
        "1103",
        "Assessments",
        [_date("B", ASSESSMENT_START, "AssessmentActualStartDate", "2025-05-31")],
        [_date("G", ASSESSMENT_START, "AssessmentActualStartDate", "2025-06-01")],
    ),
    (
        "1104",
        "Section47",
        [_s47("B", "2025-06-01", "2025-05-31")],
        [_s47("G", "2025-06-01", "2025-06-01")],
    ),
    ("1105", "ChildProtectionPlans", [_cpp("B", "2025-05-31")], [_cpp("G", "2025-06-01")]),
    (
        "2889",
        "Section47",
        [_s47("B", "2025-05-31", None)],
        [_s47("G", "2025-06-01", None)],
    ),
    (
        "4015",
        "CINplanDates",
        [_plans("B", ("2025-05-31", None))],
        [_plans("G", ("2025-06-01", None))],
    ),
    (
        "4012Q",
        "CINplanDates",
        [_plans("B", ("2025-08-01", "2025-08-01"))],
        [_plans("G", ("2025-08-01", "2025-08-02"))],
    ),
    (
        "4013",
        "CINplanDates",
        [_plans("B", ("2025-08-01", "2026-04-01"))],
        [_plans("G", ("2025-08-01", "2026-03-31"))],
    ),
    (
        "4004",
        "CINplanDates",
        [_plans("B", ("2025-08-01", None), ("2025-09-01", None))],
        [_plans("G", ("2025-08-01", "2025-08-31"), ("2025-09-01", None))],
    ),
    ("8935", "ChildProtectionPlans", [_two_cpps("B", None)], [_two_cpps("G", "2025-09-01")]),
    (
        "8620",
        "CINdetails",
        [child("B", closure=("2026-04-01", "RC7"))],
        [child("G", closure=("2026-03-31", "RC7"))],
    ),
    (
        "8696",
        "Assessments",
        [_date("B", ASSESSMENT_END, "AssessmentAuthorisationDate", "2026-04-01")],
        [_date("G", ASSESSMENT_END, "AssessmentAuthorisationDate", "2026-03-31")],
    ),
    (
        "8715",
        "Section47",
        [_s47("B", "2025-06-01", "2026-04-01")],
        [_s47("G", "2025-06-01", "2026-03-31")],
    ),
    (
        "8930",
        "ChildProtectionPlans",
        [_cpp("B", end="2026-04-01")],
        [_cpp("G", end="2026-03-31")],
    ),
    (
        "8545Q",
        "ChildIdentifiers",
        [_died(child("B"), "2026-04-01")],
        [_died(child("G"), "2026-03-31")],
    ),
    ("8720", "ChildProtectionPlans", [_cpp("B", "2026-04-01")], [_cpp("G", "2026-03-31")]),
    (
        "8600",
        "CINdetails",
        [_date("B", REFERRAL, "CINreferralDate", "2026-04-01")],
        [_date("G", REFERRAL, "CINreferralDate", "2026-03-31")],
    ),
    (
        "8520",
        "ChildIdentifiers",
        [_date("B", BIRTH, "PersonBirthDate", "2026-04-01")],
        [_date("G", BIRTH, "PersonBirthDate", "2026-03-31")],
    ),
    (
        "8535Q",
        "ChildIdentifiers",
        [_died(child("B"), "2015-04-30")],
        [_died(child("G"), "2015-05-01")],
    ),
    (
        "8736",
        "Assessments",
        [_open_assessment("B", "2025-03-31")],
        [
            _open_assessment("G", "2025-04-01"),
            _date("G2", ASSESSMENT_START, "AssessmentActualStartDate", "2025-03-31"),
        ],
    ),
    (
        "8915",
        "ChildProtectionPlans",
        [_died(child("B"), "2025-06-30")],
        [_died(child("G"), "2025-07-01")],
    ),
    (
        "8920",
        "ChildProtectionPlans",
        [_died(_cpp("B", end="2025-08-01"), "2025-07-31")],
        [_died(_cpp("G", end="2025-08-01"), "2025-08-01")],
    ),
    (
        "8555Q",
        "CINdetails",
        [_died(child("B"), "2025-05-31")],
        [_died(child("G"), "2025-06-01")],
    ),
    (
        "4008",
        "CINplanDates",
        [_plans("B", ("2025-08-01", None), death="2025-07-31")],
        [_plans("G", ("2025-08-01", None), death="2025-08-01")],
    ),
    (
        "4009Q",
        "CINplanDates",
        [_plans("B", ("2025-08-01", "2025-09-01"), death="2025-08-31")],
        [_plans("G", ("2025-08-01", "2025-09-01"), death="2025-09-01")],
    ),
    (
        "8940",
        "ChildProtectionPlans",
        [_two_cpps("B", "2025-10-01")],
        [_two_cpps("G", "2025-09-30")],
    ),
    (
        "4014",
        "CINplanDates",
        [
            _plans("B", ("2025-08-01", "2025-09-01"), ("2025-09-01", None)),
            _plans("B2", ("2025-08-01", None), ("2025-09-01", "2025-10-01")),
        ],
        [_plans("G", ("2025-08-01", "2025-08-31"), ("2025-09-01", None))],
    ),
    (
        "8585Q",
        "CINdetails",
        [child("B", closure=("2025-12-01", "RC2"))],
        [
            _died(child("G", closure=("2025-12-01", "RC2")), "2025-12-01"),
            child("G2", closure=("2025-12-01", "RC7")),
        ],
    ),
    (
        "8606",
        "CINdetails",
        [_date("B", BIRTH, "PersonBirthDate", "2026-03-09"), _unborn("B2", "2026-03-09")],
        [_date("G", BIRTH, "PersonBirthDate", "2026-03-08"), _unborn("G2", "2026-03-08")],
    ),
    (
        "8530Q",
        "ChildIdentifiers",
        [_unborn("B", "2026-02-28"), _unborn("B2", "2027-01-01")],
        [_unborn("G", "2026-03-01"), _unborn("G2", "2026-12-31"), child("G3")],
    ),
    (
        "8841",
        "ChildProtectionPlans",
        [_date("B", REVIEW, "CPPreviewDate", "2025-07-01")],
        [_date("G", REVIEW, "CPPreviewDate", "2025-07-02")],
    ),
    (
        "4010",
        "CINplanDates",
        [_plans("B", ("2026-04-01", None))],
        [_plans("G", ("2026-03-31", None))],
    ),
    (
        "8615",
        "Section47",
        [_s47("B", "2025-06-10", "2025-06-09")],
        [_s47("G", "2025-06-10", "2025-06-10"), _s47("G2", "2025-06-10", None)],
    ),
    (
        "8740",
        "Section47",
        [_s47("B", "2025-03-31", None)],
        [
            _s47("G", "2025-04-01", None),
            _s47("G2", "2025-03-31", None, not_required="1"),
            _s47("G3", "2025-03-31", "2025-04-10"),
        ],
    ),
    (
        "8670Q",
        "Assessments",
        [_open_assessment("B", "2026-01-26")],
        [_open_assessment("G", "2026-01-27"), child("G2")],
    ),
    (
        "8675Q",
        "Section47",
        [_s47("B", "2026-03-09", None)],
        [
            _s47("G", "2026-03-10", None),
            _s47("G2", "2026-03-09", None, not_required="1"),
            _s47("G3", "2026-03-09", "2026-03-20"),
        ],
    ),
    (
        "1520",
        "ChildIdentifiers",
        [_upn("B", "UPN", "A123456789012"), _upn("B2", "UPN", "A123456789012")],
        [
            _upn("G", "UPN", "A123456789012"),
            _upn("G2", "UPN", "A123456789013"),
            child("G3"),
            child("G4"),
        ],
    ),
    (
        "8772",
        "ChildIdentifiers",
        [_upn("B", "UPNunknown", "UN7")],
        [_upn("G", "UPNunknown", "UN7", nfa="1"), _upn("G2", "UPNunknown", "UN1")],
    ),
    (
        "8569Q",
        "CINdetails",
        [_nfa(_date("B", REFERRAL, "CINreferralDate", "2025-03-30"))],
        [
            _nfa(_date("G", REFERRAL, "CINreferralDate", "2025-03-31")),
            _date("G2", REFERRAL, "CINreferralDate", "2025-03-30"),
        ],
    ),
    (
        "8775Q",
        "ChildIdentifiers",
        [_date("B", BIRTH, "PersonBirthDate", "2001-03-30")],
        [
            _date("G", BIRTH, "PersonBirthDate", "2001-03-31"),
            _with(
                child("G2", closure=("2025-05-31", "RC7")),
                BIRTH,
                "<PersonBirthDate>2000-06-01</PersonBirthDate>",
            ),
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
