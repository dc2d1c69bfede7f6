"""CIN census rules on what a CIN episode holds: no-further-action referrals, closures, section 47
enquiries, assessments, unborn children and open episodes (2025/26), each failing and passing
through the real reader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from safeguard.returns.cin.reader import read_cin
from tests.returns.cin.helpers import HEADER, YEAR, child, document, flagged_rows, read_written

NFA = "<ReferralNFA>0</ReferralNFA>"
ASSESSMENT_END = "<AssessmentAuthorisationDate>2025-06-20</AssessmentAuthorisationDate>"
BIRTH = "<PersonBirthDate>2015-05-01</PersonBirthDate>"
EXPECTED = "<ExpectedPersonBirthDate>2026-05-01</ExpectedPersonBirthDate>"


def _with(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new)


def _nfa(text: str) -> str:
    """`text` as a referral with no further action."""
    return _with(text, NFA, "<ReferralNFA>1</ReferralNFA>")


def _plan(text: str) -> str:
    """`text` with an open CIN plan."""
    return _with(
        text,
        NFA,
        "<CINPlanDates><CINPlanStartDate>2025-08-01</CINPlanStartDate></CINPlanDates>" + NFA,
    )


def _s47(
    text: str, *, conference: str | None = None, target: str | None = None, not_required: str = "0"
) -> str:
    """`text` with one section 47 enquiry."""
    xml = (
        "<Section47><S47ActualStartDate>2025-06-01</S47ActualStartDate>"
        + (f"<InitialCPCtarget>{target}</InitialCPCtarget>" if target else "")
        + (f"<DateOfInitialCPC>{conference}</DateOfInitialCPC>" if conference else "")
        + f"<ICPCnotRequired>{not_required}</ICPCnotRequired></Section47>"
    )
    return _with(text, NFA, xml + NFA)


def _open_assessment(text: str) -> str:
    """`text` with its assessment not completed."""
    return _with(text, ASSESSMENT_END, "")


def _no_assessment(text: str) -> str:
    """`text` with no assessment."""
    stripped = re.sub(r"<Assessments>.*?</Assessments>", "", text, flags=re.DOTALL)
    assert stripped != text
    return stripped


def _two_assessments(text: str, *, first_completed: bool) -> str:
    """`text` with a second, open, assessment; the first is completed or not."""
    first = re.search(r"<Assessments>.*?</Assessments>", text, flags=re.DOTALL)
    assert first
    second = "<Assessments><AssessmentActualStartDate>2025-07-01</AssessmentActualStartDate></Assessments>"
    text = text.replace(first.group(0), first.group(0) + second)
    return text if first_completed else _open_assessment(text)


def _two_episodes(text: str, first_closure: str | None) -> str:
    """`text` with its CIN episode repeated, the first closed on `first_closure` if given."""
    episode = re.search(r"<CINdetails>.*?</CINdetails>", text, flags=re.DOTALL)
    assert episode
    first = episode.group(0)
    if first_closure:
        first = _with(
            first,
            "<PrimaryNeedCode>N1</PrimaryNeedCode>",
            "<PrimaryNeedCode>N1</PrimaryNeedCode>"
            f"<CINclosureDate>{first_closure}</CINclosureDate><ReasonForClosure>RC7</ReasonForClosure>",
        )
    return text.replace(episode.group(0), first + episode.group(0))


def _unborn(child_id: str, sex: str) -> str:
    """An unborn child (expected date of birth only) of sex `sex`."""
    return _with(child(child_id, sex=sex), BIRTH, EXPECTED)


def _episode_pair(
    child_id: str, first: tuple[str, str | None], second_referral: str, *, first_nfa: bool = False
) -> str:
    """A child with two CIN episodes: the first referred and closed on `first`, the second
    referred on `second_referral`."""
    text = child(child_id)
    episode = re.search(r"<CINdetails>.*?</CINdetails>", text, flags=re.DOTALL)
    assert episode
    referral = "<CINreferralDate>2025-06-01</CINreferralDate>"
    one = _with(episode.group(0), referral, f"<CINreferralDate>{first[0]}</CINreferralDate>")
    if first[1]:
        one = _with(
            one,
            "<PrimaryNeedCode>N1</PrimaryNeedCode>",
            "<PrimaryNeedCode>N1</PrimaryNeedCode>"
            f"<CINclosureDate>{first[1]}</CINclosureDate><ReasonForClosure>RC7</ReasonForClosure>",
        )
    if first_nfa:
        one = _nfa(one)
    two = _with(episode.group(0), referral, f"<CINreferralDate>{second_referral}</CINreferralDate>")
    return text.replace(episode.group(0), one + two)


def _no_factors(text: str) -> str:
    """`text` with no assessment factors."""
    stripped = re.sub(
        r"<FactorsIdentifiedAtAssessment>.*?</FactorsIdentifiedAtAssessment>",
        "",
        text,
        flags=re.DOTALL,
    )
    assert stripped != text
    return stripped


def _cin_conference(text: str) -> str:
    """`text` with an initial child protection conference recorded on the CIN episode."""
    need = "<PrimaryNeedCode>N1</PrimaryNeedCode>"
    return _with(text, need, need + "<DateOfInitialCPC>2025-06-10</DateOfInitialCPC>")


def _cpp_ended(text: str) -> str:
    """`text` with its child protection plan ended."""
    start = "<CPPstartDate>2025-07-01</CPPstartDate>"
    return _with(text, start, start + "<CPPendDate>2025-07-31</CPPendDate>")


def _cin_plan(text: str, start: str, end: str | None = None) -> str:
    """`text` with a CIN plan from `start` to `end` (open if None)."""
    ended = f"<CINPlanEndDate>{end}</CINPlanEndDate>" if end else ""
    plan = f"<CINPlanDates><CINPlanStartDate>{start}</CINPlanStartDate>{ended}</CINPlanDates>"
    return _with(text, NFA, plan + NFA)


CLOSED = ("2025-12-01", "RC7")

# (rule code, flagged table, children of a failing file, children of a passing file)
CASES = [
    ("4000", "CINplanDates", [_nfa(_plan(child("B")))], [_plan(child("G"))]),
    (
        "8832",
        "ChildProtectionPlans",
        [_nfa(child("B"))],
        [_nfa(child("G", categories=None)), child("G2")],
    ),
    (
        "8610",
        "CINdetails",
        [child("B", primary_need=None)],
        [_nfa(child("G", primary_need=None)), child("G2")],
    ),
    (
        "8867",
        "CINdetails",
        [_open_assessment(child("B", closure=CLOSED))],
        [child("G", closure=CLOSED), _open_assessment(child("G2"))],
    ),
    (
        "8868",
        "CINdetails",
        [_s47(child("B", closure=CLOSED))],
        [
            _s47(child("G", closure=CLOSED), not_required="1"),
            _s47(child("G2", closure=CLOSED), conference="2025-06-10"),
            child("G3", closure=CLOSED),
            _s47(child("G4")),
        ],
    ),
    (
        "2991Q",
        "CINdetails",
        [_no_assessment(_s47(child("B")))],
        [_s47(child("G")), _no_assessment(child("G2"))],
    ),
    (
        "8825Q",
        "CINdetails",
        [
            _no_assessment(child("B", closure=("2025-12-01", "RC8"))),
            _no_assessment(child("B2", closure=("2025-12-01", "RC9"))),
        ],
        [child("G", closure=("2025-12-01", "RC8")), _no_assessment(child("G2", closure=CLOSED))],
    ),
    (
        "8875",
        "Section47",
        [_s47(child("B"), conference="2025-07-05"), _s47(child("B2"), conference="2025-07-06")],
        [_s47(child("G"), conference="2025-07-07")],
    ),
    (
        "8870Q",
        "Section47",
        [_s47(child("B"), target="2025-07-05"), _s47(child("B2"), target="2025-07-06")],
        [_s47(child("G"), target="2025-07-04")],
    ),
    (
        "8896",
        "Assessments",
        [_two_assessments(child("B"), first_completed=False)],
        [_two_assessments(child("G"), first_completed=True)],
    ),
    (
        "8525Q",
        "ChildIdentifiers",
        [_with(child("B"), BIRTH, BIRTH + EXPECTED)],
        [_unborn("G", "U")],
    ),
    ("8750", "ChildIdentifiers", [_unborn("B", "F")], [_unborn("G", "U"), child("G2", sex="F")]),
    (
        "8815",
        "CINdetails",
        [_two_episodes(child("B"), None)],
        [_two_episodes(child("G"), "2025-06-30"), _nfa(_two_episodes(child("G2"), None))],
    ),
    (
        "8820",
        "CINdetails",
        [
            _episode_pair("B", ("2025-05-01", "2025-07-01"), "2025-06-01"),
            _episode_pair("B2", ("2025-05-01", None), "2025-09-01"),
        ],
        [
            _episode_pair("G", ("2025-05-01", "2025-06-01"), "2025-06-01"),
            _episode_pair("G2", ("2025-05-01", None), "2025-09-01", first_nfa=True),
        ],
    ),
    (
        "8614",
        "Assessments",
        [_open_assessment(child("B"))],
        [_no_factors(_open_assessment(child("G"))), child("G2")],
    ),
    (
        "8897Q",
        "Assessments",
        [_no_factors(child("B"))],
        [child("G"), _no_factors(_open_assessment(child("G2")))],
    ),
    (
        "8816",
        "CINdetails",
        [_episode_pair("B", ("2025-05-01", None), "2025-09-01")],
        [
            _episode_pair("G", ("2025-05-01", "2025-06-01"), "2025-09-01"),
            _episode_pair("G2", ("2025-05-01", None), "2025-09-01", first_nfa=True),
        ],
    ),
    (
        "2884",
        "Section47",
        [_cin_conference(_s47(child("B"), conference="2025-06-10"))],
        [_s47(child("G"), conference="2025-06-10"), _cin_conference(_s47(child("G2")))],
    ),
    (
        "8839",
        "Section47",
        [_s47(_s47(child("B")))],
        [
            _s47(_s47(child("G"), conference="2025-06-10")),
            _s47(_s47(child("G2"), not_required="1")),
        ],
    ),
    (
        "8863Q",
        "Assessments",
        [_two_assessments(child("B"), first_completed=False)],
        [
            _two_assessments(child("G"), first_completed=True),
            _open_assessment(_two_episodes(child("G2"), None)),
        ],
    ),
    (
        "4001",
        "CINplanDates",
        [_plan(child("B"))],
        [
            _plan(_cpp_ended(child("G"))),
            _with(
                child("G2"),
                NFA,
                "<CINPlanDates><CINPlanStartDate>2025-06-01</CINPlanStartDate>"
                "<CINPlanEndDate>2025-06-30</CINPlanEndDate></CINPlanDates>" + NFA,
            ),
        ],
    ),
    (
        "8890",
        "Section47",
        [_s47(_s47(child("B"), conference="2025-06-10"))],
        [
            _s47(_s47(child("G"), not_required="1"), not_required="1"),
            _two_episodes(_s47(child("G2")), None),
        ],
    ),
    (
        "4016",
        "CINplanDates",
        [_cin_plan(child("B"), "2025-08-01"), _cin_plan(child("B2"), "2025-07-01")],
        [
            _cin_plan(_cpp_ended(child("G")), "2025-07-31"),
            _cin_plan(child("G2"), "2025-06-01", "2025-06-30"),
        ],
    ),
    (
        "4017",
        "CINplanDates",
        [_cin_plan(child("B"), "2025-06-01"), _cin_plan(child("B2"), "2025-07-01", "2025-08-01")],
        [
            _cin_plan(child("G"), "2025-06-01", "2025-07-01"),
            _cin_plan(child("G2"), "2025-08-01"),
        ],
    ),
    (
        "2990",
        "CINdetails",
        [
            child("B", closure=("2025-12-01", "RC8")),
            _s47(child("B2", closure=("2025-12-01", "RC9"), categories=None)),
            _plan(child("B3", closure=("2025-12-01", "RC8"), categories=None)),
            _with(
                child("B4", closure=("2025-12-01", "RC8"), categories=None),
                "<ReasonForClosure>RC8</ReasonForClosure>",
                "<ReasonForClosure>RC8</ReasonForClosure>"
                "<DateOfInitialCPC>2025-06-10</DateOfInitialCPC>",
            ),
        ],
        [child("G", closure=("2025-12-01", "RC8"), categories=None), child("G2", closure=CLOSED)],
    ),
    (
        "8831",
        "CINdetails",
        [
            _nfa(child("B", categories=None)),
            _nfa(_s47(_no_assessment(child("B2", categories=None)))),
            _nfa(_cin_conference(_no_assessment(child("B3", categories=None)))),
        ],
        [_nfa(_no_assessment(child("G", categories=None))), child("G2")],
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
    assert {c for _, _, c in flags} == {
        c for c in ("B", "B2", "B3", "B4") if any(f"<LAchildID>{c}<" in b for b in bad)
    }

    assert flagged_rows(code, read_written(tmp_path / "good", *good)) == []


@pytest.mark.parametrize(("reference", "flags"), [("2026-03-30", 1), ("2026-03-31", 0)])
def test_rule_100_reference_date(tmp_path: Path, reference: str, flags: int) -> None:
    path = tmp_path / "cin.xml"
    header = HEADER.replace("<ReferenceDate>2026-03-31<", f"<ReferenceDate>{reference}<")
    path.write_text(document(child("C1"), header=header), encoding="utf-8")
    submission = read_cin(path, YEAR)
    assert [t for t, _, _ in flagged_rows("100", submission)] == ["Header"] * flags
