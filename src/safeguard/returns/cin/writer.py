"""Write the CIN census XML from an authority's records, valid against the 2026 schema.

The census covers every child in need at any time in the collection year: each CIN episode open at
some time in the year, with its assessments, child in need plans, section 47 enquiries, child
protection plans and their review conferences that fall in the year (shared/specs/cin-census.md).
The XML is streamed child by child (lxml.etree.xmlfile), so memory holds one child's tree, not the
document. Records from the database need not be sorted: children, episodes and their parts are
sorted here.

Values are put the way the census asks: dates after the year's end are left out (an episode open
at 31 March has no closure date); a child with no recorded disability has NONE; an enquiry that
concluded with no conference (outcome NFA or CIN) is marked ICPCnotRequired (DfE rule 8868); an
ICPC that followed an enquiry is recorded on the enquiry only, never on the episode as well
(rule 2884), and the records hold no ICPC without an enquiry; NumberOfPreviousCPP is 0 where the
records do not hold it.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

from lxml import etree

from safeguard.core.records import (
    Assessment,
    AuthorityRecords,
    ChildProtectionConference,
    ChildProtectionPlan,
    CINEpisode,
    CINPlan,
    Person,
    Section47Enquiry,
)


def _within(value: date | None, end: date) -> date | None:
    """`value` if it falls on or before `end` (the year's last day), else None."""
    return value if value is not None and value <= end else None


def _overlaps(start: date, end: date | None, first: date, last: date) -> bool:
    return start <= last and (end is None or end >= first)


def _sub(parent: etree._Element, tag: str, text: str | date | None) -> None:
    if text is None or text == "":
        return
    etree.SubElement(parent, tag).text = text.isoformat() if isinstance(text, date) else text


def write_cin_xml(records: AuthorityRecords, path: Path, year: int, la_code: str) -> Path:
    """Write the CIN census XML of collection year `year` (2026 is 1 April 2025 to 31 March 2026)
    for the authority `la_code` (its three-digit LEA code), one child at a time; return `path`."""
    first, last = date(year - 1, 4, 1), date(year, 3, 31)
    persons = {p.id: p for p in records.persons}
    disabilities: dict[int, list[str]] = defaultdict(list)
    for disability in records.disabilities:
        disabilities[disability.person_id].append(disability.code)
    episodes: dict[int, list[CINEpisode]] = defaultdict(list)
    for episode in records.cin_episodes:
        if episode.child_id in persons and _overlaps(
            episode.referral_date, episode.closure_date, first, last
        ):
            episodes[episode.child_id].append(episode)
    by_episode = _by_episode(records)

    path.parent.mkdir(parents=True, exist_ok=True)
    with etree.xmlfile(str(path), encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("Message"):
            header = etree.Element("Header")
            details = etree.SubElement(header, "CollectionDetails")
            _sub(details, "Collection", "CIN")
            _sub(details, "Year", str(year))
            _sub(details, "ReferenceDate", last)
            source = etree.SubElement(header, "Source")
            _sub(source, "SourceLevel", "L")
            _sub(source, "LEA", la_code)
            xf.write(header, pretty_print=True)
            with xf.element("Children"):
                for child_id in sorted(episodes, key=lambda c: (persons[c].la_person_id, c)):
                    child = _child(
                        persons[child_id],
                        disabilities[child_id],
                        sorted(episodes[child_id], key=lambda e: (e.referral_date, e.id)),
                        by_episode,
                        first,
                        last,
                    )
                    xf.write(child, pretty_print=True)
    return path


class _EpisodeParts:
    """One CIN episode's assessments, plans, enquiries and conferences."""

    def __init__(self) -> None:
        self.assessments: list[Assessment] = []
        self.cin_plans: list[CINPlan] = []
        self.section47s: list[Section47Enquiry] = []
        self.cp_plans: list[ChildProtectionPlan] = []
        self.conferences: list[ChildProtectionConference] = []


def _by_episode(records: AuthorityRecords) -> dict[int, _EpisodeParts]:
    parts: dict[int, _EpisodeParts] = defaultdict(_EpisodeParts)
    for a in records.assessments:
        parts[a.episode_id].assessments.append(a)
    for p in records.cin_plans:
        parts[p.episode_id].cin_plans.append(p)
    for s in records.section47s:
        parts[s.episode_id].section47s.append(s)
    for c in records.cp_plans:
        parts[c.episode_id].cp_plans.append(c)
    for k in records.conferences:
        parts[k.episode_id].conferences.append(k)
    return parts


def _child(
    person: Person,
    codes: list[str],
    episodes: list[CINEpisode],
    by_episode: dict[int, _EpisodeParts],
    first: date,
    last: date,
) -> etree._Element:
    child = etree.Element("Child")
    ids = etree.SubElement(child, "ChildIdentifiers")
    _sub(ids, "LAchildID", person.la_person_id)
    _sub(ids, "UPN", person.upn)
    _sub(ids, "FormerUPN", person.former_upn)
    _sub(ids, "UPNunknown", person.upn_unknown_reason if not person.upn else "")
    _sub(ids, "PersonBirthDate", person.date_of_birth)
    _sub(ids, "ExpectedPersonBirthDate", person.expected_date_of_birth)
    _sub(ids, "Sex", person.sex or "U")
    _sub(ids, "PersonDeathDate", _within(person.death_date, last))
    characteristics = etree.SubElement(child, "ChildCharacteristics")
    _sub(characteristics, "Ethnicity", person.ethnicity)
    disabled = etree.SubElement(characteristics, "Disabilities")
    for code in sorted(codes) or ["NONE"]:
        _sub(disabled, "Disability", code)
    for episode in episodes:
        parts = by_episode.get(episode.id, _EpisodeParts())
        child.append(_cin_details(episode, parts, first, last))
    return child


def _cin_details(
    episode: CINEpisode, parts: _EpisodeParts, first: date, last: date
) -> etree._Element:
    details = etree.Element("CINdetails")
    closed = _within(episode.closure_date, last)
    initial = [
        k
        for k in parts.conferences
        if k.kind == "initial" and first <= k.conference_date <= last and k.section47_id is not None
    ]
    _sub(details, "CINreferralDate", episode.referral_date)
    _sub(details, "ReferralSource", episode.referral_source)
    _sub(details, "PrimaryNeedCode", episode.primary_need)
    _sub(details, "CINclosureDate", closed)
    _sub(details, "ReasonForClosure", episode.closure_reason if closed else "")
    # An ICPC that followed a section 47 enquiry is recorded on the enquiry only, never on the
    # episode as well (DfE rule 2884); the generator holds no ICPC without an enquiry.
    for a in sorted(parts.assessments, key=lambda a: (a.start_date, a.id)):
        if a.start_date > last or (a.authorisation_date or last) < first:
            continue
        element = etree.SubElement(details, "Assessments")
        _sub(element, "AssessmentActualStartDate", a.start_date)
        authorised = _within(a.authorisation_date, last)
        _sub(element, "AssessmentAuthorisationDate", authorised)
        if authorised and a.factors:
            factors = etree.SubElement(element, "FactorsIdentifiedAtAssessment")
            for factor in a.factors:
                _sub(factors, "AssessmentFactors", factor)
    for p in sorted(parts.cin_plans, key=lambda p: (p.start_date, p.id)):
        if p.start_date > last or (p.end_date or last) < first:
            continue
        element = etree.SubElement(details, "CINPlanDates")
        _sub(element, "CINPlanStartDate", p.start_date)
        _sub(element, "CINPlanEndDate", _within(p.end_date, last))
    conference_of = {k.section47_id: k.conference_date for k in initial}
    for s in sorted(parts.section47s, key=lambda s: (s.start_date, s.id)):
        # An enquiry begun last year whose conference falls in this one is returned again, so
        # the conference (and the plan it started) is in the year's census (rule 2885).
        if not (first <= s.start_date <= last or s.id in conference_of):
            continue
        element = etree.SubElement(details, "Section47")
        _sub(element, "S47ActualStartDate", s.start_date)
        _sub(element, "DateOfInitialCPC", conference_of.get(s.id))
        # An enquiry that concluded with no conference (outcome NFA or CIN) needed none, whether
        # or not the worker ticked the flag (DfE rule 8868).
        concluded = _within(s.end_date, last) is not None and s.outcome in {"nfa", "cin"}
        not_required = s.icpc_not_required or (concluded and s.id not in conference_of)
        _sub(element, "ICPCnotRequired", "1" if not_required else "0")
    _sub(details, "ReferralNFA", "1" if episode.referral_nfa else "0")
    for plan in sorted(parts.cp_plans, key=lambda p: (p.start_date, p.id)):
        if plan.start_date > last or (plan.end_date or last) < first:
            continue
        element = etree.SubElement(details, "ChildProtectionPlans")
        _sub(element, "CPPstartDate", plan.start_date)
        _sub(element, "CPPendDate", _within(plan.end_date, last))
        _sub(element, "InitialCategoryOfAbuse", plan.initial_category)
        _sub(element, "LatestCategoryOfAbuse", plan.latest_category)
        _sub(element, "NumberOfPreviousCPP", str(plan.number_of_previous_plans or 0))
        reviews = sorted(
            k.conference_date
            for k in parts.conferences
            if k.kind == "review" and k.plan_id == plan.id and first <= k.conference_date <= last
        )
        if reviews:
            element_reviews = etree.SubElement(element, "Reviews")
            for review in reviews:
                _sub(element_reviews, "CPPreviewDate", review)
    return details
