"""The CIN census reader ties each row to its parents: a child's second CIN episode, its second
assessment and second plan get ids 2, and their factors and reviews carry those ids, in the order
the file gives them. The reader collects a child's rows in one pass over its elements, so this
pins what that pass must give."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from safeguard.returns.cin.reader import CHILD_ID, ROW, read_cin
from tests.returns.cin.helpers import child, write_cin

TWO_EPISODES = """    <Child>
      <ChildIdentifiers>
        <LAchildID> K1 </LAchildID>
        <UPN>A123456789012</UPN>
        <PersonBirthDate>2012-02-03</PersonBirthDate>
        <Sex>M</Sex>
      </ChildIdentifiers>
      <ChildCharacteristics>
        <Ethnicity>WBRI</Ethnicity>
        <Disabilities><Disability>AUT</Disability><Disability>HAND</Disability></Disabilities>
      </ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2024-05-01</CINreferralDate>
        <ReferralSource>1A</ReferralSource>
        <PrimaryNeedCode>N1</PrimaryNeedCode>
        <CINclosureDate>2024-12-01</CINclosureDate>
        <ReasonForClosure>RC1</ReasonForClosure>
        <CINPlanDates><CINPlanStartDate>2024-06-01</CINPlanStartDate></CINPlanDates>
        <Section47>
          <S47ActualStartDate>2024-05-02</S47ActualStartDate>
          <ICPCnotRequired>1</ICPCnotRequired>
        </Section47>
        <ReferralNFA>0</ReferralNFA>
      </CINdetails>
      <CINdetails>
        <CINreferralDate>2025-06-01</CINreferralDate>
        <ReferralSource>2B</ReferralSource>
        <PrimaryNeedCode>N2</PrimaryNeedCode>
        <Assessments>
          <AssessmentActualStartDate>2025-06-02</AssessmentActualStartDate>
          <AssessmentAuthorisationDate>2025-06-20</AssessmentAuthorisationDate>
          <FactorsIdentifiedAtAssessment>
            <AssessmentFactors>1A</AssessmentFactors>
          </FactorsIdentifiedAtAssessment>
        </Assessments>
        <Assessments>
          <AssessmentActualStartDate>2025-09-01</AssessmentActualStartDate>
          <FactorsIdentifiedAtAssessment>
            <AssessmentFactors>3B</AssessmentFactors>
            <AssessmentFactors>21</AssessmentFactors>
          </FactorsIdentifiedAtAssessment>
        </Assessments>
        <ReferralNFA>0</ReferralNFA>
        <ChildProtectionPlans>
          <CPPstartDate>2025-07-01</CPPstartDate>
          <CPPendDate>2025-08-01</CPPendDate>
          <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
          <LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>
          <NumberOfPreviousCPP>0</NumberOfPreviousCPP>
        </ChildProtectionPlans>
        <ChildProtectionPlans>
          <CPPstartDate>2025-10-01</CPPstartDate>
          <InitialCategoryOfAbuse>PHY</InitialCategoryOfAbuse>
          <LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse>
          <NumberOfPreviousCPP>1</NumberOfPreviousCPP>
          <Reviews>
            <CPPreviewDate>2025-11-01</CPPreviewDate>
            <CPPreviewDate>2026-02-01</CPPreviewDate>
          </Reviews>
        </ChildProtectionPlans>
      </CINdetails>
    </Child>
"""


def test_rows_carry_the_ids_of_their_episode_assessment_and_plan(tmp_path: Path) -> None:
    tables = read_cin(write_cin(tmp_path, TWO_EPISODES, child("K2"))).tables

    assert tables["ChildIdentifiers"].select(CHILD_ID, "UPN", "Sex").rows() == [
        ("K1", "A123456789012", "M"),
        ("K2", None, "F"),
    ]
    assert tables["Disabilities"].select(CHILD_ID, "Disability").rows() == [
        ("K1", "AUT"),
        ("K1", "HAND"),
        ("K2", "NONE"),
    ]
    assert tables["CINdetails"].select(
        CHILD_ID, "CINdetailsID", "ReferralSource", "ReasonForClosure"
    ).rows() == [("K1", 1, "1A", "RC1"), ("K1", 2, "2B", None), ("K2", 1, "1A", None)]
    assert tables["CINplanDates"].select(CHILD_ID, "CINdetailsID", "CINPlanStartDate").rows() == [
        ("K1", 1, dt.date(2024, 6, 1))
    ]
    assert tables["Section47"].select(CHILD_ID, "CINdetailsID", "ICPCnotRequired").rows() == [
        ("K1", 1, "1")
    ]
    assert tables["Assessments"].select(
        CHILD_ID, "CINdetailsID", "AssessmentID", "AssessmentAuthorisationDate"
    ).rows() == [
        ("K1", 2, 1, dt.date(2025, 6, 20)),
        ("K1", 2, 2, None),
        ("K2", 1, 1, dt.date(2025, 6, 20)),
    ]
    assert tables["AssessmentFactorsList"].select(
        CHILD_ID, "CINdetailsID", "AssessmentID", "AssessmentFactors"
    ).rows() == [("K1", 2, 1, "1A"), ("K1", 2, 2, "3B"), ("K1", 2, 2, "21"), ("K2", 1, 1, "1A")]
    assert tables["ChildProtectionPlans"].select(
        CHILD_ID, "CINdetailsID", "CPPID", "LatestCategoryOfAbuse", "CPPendDate"
    ).rows() == [
        ("K1", 2, 1, "NEG", dt.date(2025, 8, 1)),
        ("K1", 2, 2, "EMO", None),
        ("K2", 1, 1, "NEG", None),
    ]
    assert tables["Reviews"].select(CHILD_ID, "CINdetailsID", "CPPID", "CPPreviewDate").rows() == [
        ("K1", 2, 2, dt.date(2025, 11, 1)),
        ("K1", 2, 2, dt.date(2026, 2, 1)),
        ("K2", 1, 1, dt.date(2025, 9, 1)),
    ]
    # Every row points at its own element's line, in file order within each table.
    for name, frame in tables.items():
        assert frame[ROW].to_list() == sorted(frame[ROW].to_list()), name
