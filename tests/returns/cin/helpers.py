"""Write CIN census XML files and run rules through the real reader."""

from __future__ import annotations

from pathlib import Path

from safeguard.returns.cin.reader import ReturnCIN, read_cin
from safeguard.returns.engine import rules_for, run_rule

YEAR = "2025/26"

HEADER = """  <Header>
    <CollectionDetails>
      <Collection>CIN</Collection>
      <Year>2026</Year>
      <ReferenceDate>2026-03-31</ReferenceDate>
    </CollectionDetails>
    <Source>
      <SourceLevel>L</SourceLevel>
      <LEA>330</LEA>
    </Source>
  </Header>
"""


def child(
    child_id: str = "C1",
    *,
    sex: str = "F",
    ethnicity: str = "WBRI",
    disabilities: tuple[str, ...] = ("NONE",),
    referral_source: str = "1A",
    primary_need: str | None = "N1",
    closure: tuple[str, str] | None = None,
    categories: tuple[str, str] | None = ("NEG", "NEG"),
    factors: tuple[str, ...] = ("1A",),
) -> str:
    """One valid <Child>, with the values a test sets."""
    need = f"<PrimaryNeedCode>{primary_need}</PrimaryNeedCode>" if primary_need is not None else ""
    closed = (
        f"<CINclosureDate>{closure[0]}</CINclosureDate>"
        f"<ReasonForClosure>{closure[1]}</ReasonForClosure>"
        if closure
        else ""
    )
    disability = (
        "<Disabilities>"
        + "\n".join(f"<Disability>{d}</Disability>" for d in disabilities)
        + "</Disabilities>"
        if disabilities
        else ""
    )
    factor_xml = "\n".join(f"<AssessmentFactors>{f}</AssessmentFactors>" for f in factors)
    plan = (
        f"""
        <ChildProtectionPlans>
          <CPPstartDate>2025-07-01</CPPstartDate>
          <InitialCategoryOfAbuse>{categories[0]}</InitialCategoryOfAbuse>
          <LatestCategoryOfAbuse>{categories[1]}</LatestCategoryOfAbuse>
          <NumberOfPreviousCPP>0</NumberOfPreviousCPP>
          <Reviews><CPPreviewDate>2025-09-01</CPPreviewDate></Reviews>
        </ChildProtectionPlans>"""
        if categories
        else ""
    )
    return f"""    <Child>
      <ChildIdentifiers>
        <LAchildID>{child_id}</LAchildID>
        <PersonBirthDate>2015-05-01</PersonBirthDate>
        <Sex>{sex}</Sex>
      </ChildIdentifiers>
      <ChildCharacteristics>
        <Ethnicity>{ethnicity}</Ethnicity>
        {disability}
      </ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2025-06-01</CINreferralDate>
        <ReferralSource>{referral_source}</ReferralSource>
        {need}{closed}
        <Assessments>
          <AssessmentActualStartDate>2025-06-02</AssessmentActualStartDate>
          <AssessmentAuthorisationDate>2025-06-20</AssessmentAuthorisationDate>
          <FactorsIdentifiedAtAssessment>{factor_xml}</FactorsIdentifiedAtAssessment>
        </Assessments>
        <ReferralNFA>0</ReferralNFA>{plan}
      </CINdetails>
    </Child>
"""


def document(*children: str, header: str = HEADER) -> str:
    """A whole CIN census XML document holding `children`."""
    body = "".join(children) or child()
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f"<Message>\n{header}  <Children>\n{body}  </Children>\n</Message>\n"
    )


def write_cin(folder: Path, *children: str, name: str = "cin.xml") -> Path:
    """Write a CIN census file holding `children` under `folder`; return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(document(*children), encoding="utf-8")
    return path


def read_written(folder: Path, *children: str) -> ReturnCIN:
    """Write `children` to a file and read it back with the real reader."""
    return read_cin(write_cin(folder, *children))


def flagged_rows(code: str, submission: ReturnCIN) -> list[tuple[str, int, str]]:
    """(table, row, child) of every issue rule `code` raises on `submission`."""
    rule = {r.code: r for r in rules_for("cin", submission.year)}[code]
    issues = run_rule(rule, submission)
    return sorted(
        zip(
            issues["table"].to_list(),
            issues["row"].to_list(),
            issues["child"].to_list(),
            strict=True,
        )
    )


def clean_child(child_id: str = "C1") -> str:
    """A <Child> that no rule flags, not even the whole-return queries: a UPN with the right check
    letter, the plan's initial conference on its start day and eight disability codes."""
    text = child(child_id, disabilities=("MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS"))
    text = text.replace(
        f"<LAchildID>{child_id}</LAchildID>",
        f"<LAchildID>{child_id}</LAchildID><UPN>X330123456789</UPN>",
    )
    return text.replace(
        "<Assessments>", "<DateOfInitialCPC>2025-07-01</DateOfInitialCPC><Assessments>", 1
    )
