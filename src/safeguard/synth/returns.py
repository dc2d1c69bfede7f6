"""Write a synthetic authority's statutory returns as files, without the database.

`write_returns` writes the SSDA903 CSV tables (dd/mm/yyyy dates, the columns of
shared/specs/ssda903.md) and the CIN census XML (2026 schema, shared/specs/cin-census.md) for the
collection year ending on the last 31 March on or before `as_at`. The 903 tables written are
Header, Episodes, Reviews, UASC, Missing and SWEpisodes, plus last year's Header and Episodes;
the authority holds no data for OC2, OC3, AD1, PlacedAdoption or PrevPerm in the DfE's terms, so
those are not written. The CIN XML is streamed child by child (lxml.etree.xmlfile), so memory holds
one child's tree, not the document.

Values are taken as the generator made them, put the way the return asks: dates after the year's
end are left out (an episode open at 31 March has no end date in the return) and rows wholly
outside the year are not written; REASON_PLACE_CHANGE moves to the episode that ceased; MOTHER is
0 for girls; SW_REASON is OTHERS (the authority records no reason); an enquiry that concluded with
no conference is marked ICPCnotRequired; an ICPC is recorded on its enquiry only.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Final

from lxml import etree

from safeguard.synth.records import (
    Allocation,
    Assessment,
    ChildProtectionConference,
    ChildProtectionPlan,
    CINEpisode,
    CINPlan,
    LookedAfterEpisode,
    Person,
    Section47Enquiry,
    Staff,
    SynthAuthority,
)

LEA: Final = "330"
"""The local authority code written in the CIN Header (Birmingham's; any three digits do)."""


def year_ending(as_at: date) -> int:
    """The year number (2026 for 1 April 2025 to 31 March 2026) of the last collection year
    ending on or before `as_at`."""
    return as_at.year if (as_at.month, as_at.day) >= (3, 31) else as_at.year - 1


def _d903(value: date | None) -> str:
    return "" if value is None else value.strftime("%d/%m/%Y")


def _within(value: date | None, end: date) -> date | None:
    """`value` if it falls on or before `end` (the year's last day), else None."""
    return value if value is not None and value <= end else None


def _overlaps(start: date, end: date | None, first: date, last: date) -> bool:
    return start <= last and (end is None or end >= first)


def _write_csv(path: Path, columns: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows(rows)


def _header_row(person: Person) -> list[str]:
    return [
        person.la_person_id,
        person.sex,
        _d903(person.date_of_birth),
        person.ethnicity,
        person.upn or "UN1",
        # MOTHER is asked of girls only; the authority records no children of children in care.
        "0" if person.sex == "F" else "",
        "",
    ]


def _change_reasons(episodes: Iterable[LookedAfterEpisode]) -> dict[int, str]:
    """REASON_PLACE_CHANGE by episode id, on the episode that ends in the change.

    The generator records the reason on the episode the child moves into; the return records it
    on the episode that ceased (DfE rules 225 and 233).
    """
    by_period: dict[int, list[LookedAfterEpisode]] = defaultdict(list)
    for episode in episodes:
        by_period[episode.period_id].append(episode)
    reasons: dict[int, str] = {}
    for period in by_period.values():
        period.sort(key=lambda e: e.start_date)
        for ending, following in pairwise(period):
            if following.reason_place_change:
                reasons[ending.id] = following.reason_place_change
    return reasons


def _write_903_year(
    authority: SynthAuthority,
    folder: Path,
    first: date,
    last: date,
    *,
    suffix: str,
    full: bool,
) -> list[Path]:
    """Write one collection year's 903 tables; `full` adds the tables beyond Header/Episodes."""
    persons = {p.id: p for p in authority.persons}
    episodes: dict[int, list[LookedAfterEpisode]] = defaultdict(list)
    change_reason = _change_reasons(authority.care_episodes)
    for episode in authority.care_episodes:
        if _overlaps(episode.start_date, episode.end_date, first, last):
            episodes[episode.child_id].append(episode)
    children = sorted(episodes, key=lambda child: persons[child].la_person_id)
    written: list[Path] = []

    path = folder / f"header{suffix}.csv"
    header = ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB")
    _write_csv(path, header, (_header_row(persons[c]) for c in children))
    written.append(path)

    def episode_rows() -> Iterable[list[str]]:
        for child in children:
            for e in sorted(episodes[child], key=lambda e: e.start_date):
                ended = _within(e.end_date, last)
                yield [
                    persons[child].la_person_id,
                    _d903(e.start_date),
                    e.reason_new_episode,
                    e.legal_status,
                    e.category_of_need,
                    e.placement_type,
                    e.placement_provider,
                    _d903(ended),
                    e.reason_ceased if ended else "",
                    change_reason.get(e.id, "") if ended else "",
                    e.home_postcode,
                    e.placement_postcode,
                    e.urn,
                ]

    path = folder / f"episodes{suffix}.csv"
    columns = (
        "CHILD",
        "DECOM",
        "RNE",
        "LS",
        "CIN",
        "PLACE",
        "PLACE_PROVIDER",
        "DEC",
        "REC",
        "REASON_PLACE_CHANGE",
        "HOME_POST",
        "PL_POST",
        "URN",
    )
    _write_csv(path, columns, episode_rows())
    written.append(path)
    if not full:
        return written

    in_return = set(children)

    def dob(child: int) -> str:
        return _d903(persons[child].date_of_birth)

    path = folder / "reviews.csv"
    _write_csv(
        path,
        ("CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
        (
            [
                persons[r.child_id].la_person_id,
                dob(r.child_id),
                _d903(r.review_date),
                r.participation,
            ]
            for r in authority.care_reviews
            if r.child_id in in_return and first <= r.review_date <= last
        ),
    )
    written.append(path)

    path = folder / "uasc.csv"
    _write_csv(
        path,
        ("CHILD", "SEX", "DOB", "DUC"),
        (
            [persons[c].la_person_id, persons[c].sex, dob(c), _d903(persons[c].uasc_ceased_date)]
            for c in children
            if persons[c].is_unaccompanied_asylum_seeker
        ),
    )
    written.append(path)

    path = folder / "missing.csv"
    _write_csv(
        path,
        ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
        (
            [
                persons[m.child_id].la_person_id,
                dob(m.child_id),
                m.kind,
                _d903(m.start_date),
                _d903(_within(m.end_date, last)),
            ]
            for m in authority.missing_episodes
            if m.child_id in in_return and first <= m.start_date <= last
        ),
    )
    written.append(path)

    staff: dict[int, Staff] = {s.id: s for s in authority.staff}
    allocations: list[Allocation] = [
        a
        for a in authority.allocations
        if a.kind == "social_worker"
        and a.child_id in in_return
        and a.worker_id is not None
        and _overlaps(a.start_date, a.end_date, first, last)
    ]
    path = folder / "swepisodes.csv"
    _write_csv(
        path,
        ("CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"),
        (
            [
                persons[a.child_id].la_person_id,
                dob(a.child_id),
                staff[a.worker_id].staff_id,
                _d903(a.start_date),
                _d903(_within(a.end_date, last)),
                "OTHERS",
            ]
            for a in sorted(allocations, key=lambda a: (a.child_id, a.start_date))
            if a.worker_id is not None
        ),
    )
    written.append(path)
    return written


def write_903(authority: SynthAuthority, folder: Path, as_at: date) -> list[Path]:
    """Write the SSDA903 CSV files for the year ending on or before `as_at`, and last year's
    Header and Episodes under `folder/previous`; return the files written (this year's first)."""
    year = year_ending(as_at)
    folder.mkdir(parents=True, exist_ok=True)
    current = _write_903_year(
        authority, folder, date(year - 1, 4, 1), date(year, 3, 31), suffix="", full=True
    )
    previous_folder = folder / "previous"
    previous_folder.mkdir(exist_ok=True)
    previous = _write_903_year(
        authority,
        previous_folder,
        date(year - 2, 4, 1),
        date(year - 1, 3, 31),
        suffix="_last",
        full=False,
    )
    return current + previous


def _sub(parent: etree._Element, tag: str, text: str | date | None) -> None:
    if text is None or text == "":
        return
    etree.SubElement(parent, tag).text = text.isoformat() if isinstance(text, date) else text


def write_cin(authority: SynthAuthority, path: Path, as_at: date) -> Path:
    """Write the CIN census XML for the year ending on or before `as_at`, one child at a time."""
    year = year_ending(as_at)
    first, last = date(year - 1, 4, 1), date(year, 3, 31)
    persons = {p.id: p for p in authority.persons}
    disabilities: dict[int, list[str]] = defaultdict(list)
    for disability in authority.disabilities:
        disabilities[disability.person_id].append(disability.code)
    episodes: dict[int, list[CINEpisode]] = defaultdict(list)
    for episode in authority.cin_episodes:
        if _overlaps(episode.referral_date, episode.closure_date, first, last):
            episodes[episode.child_id].append(episode)
    by_episode = _by_episode(authority)

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
            _sub(source, "LEA", LEA)
            xf.write(header, pretty_print=True)
            with xf.element("Children"):
                for child_id in sorted(episodes, key=lambda c: persons[c].la_person_id):
                    child = _child(
                        persons[child_id],
                        disabilities[child_id],
                        sorted(episodes[child_id], key=lambda e: e.referral_date),
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


def _by_episode(authority: SynthAuthority) -> dict[int, _EpisodeParts]:
    parts: dict[int, _EpisodeParts] = defaultdict(_EpisodeParts)
    for a in authority.assessments:
        parts[a.episode_id].assessments.append(a)
    for p in authority.cin_plans:
        parts[p.episode_id].cin_plans.append(p)
    for s in authority.section47s:
        parts[s.episode_id].section47s.append(s)
    for c in authority.cp_plans:
        parts[c.episode_id].cp_plans.append(c)
    for k in authority.conferences:
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
    for a in sorted(parts.assessments, key=lambda a: a.start_date):
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
    for p in sorted(parts.cin_plans, key=lambda p: p.start_date):
        if p.start_date > last or (p.end_date or last) < first:
            continue
        element = etree.SubElement(details, "CINPlanDates")
        _sub(element, "CINPlanStartDate", p.start_date)
        _sub(element, "CINPlanEndDate", _within(p.end_date, last))
    conference_of = {k.section47_id: k.conference_date for k in initial}
    for s in sorted(parts.section47s, key=lambda s: s.start_date):
        if not first <= s.start_date <= last:
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
    for plan in sorted(parts.cp_plans, key=lambda p: p.start_date):
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


def write_returns(authority: SynthAuthority, folder: Path, as_at: date) -> list[Path]:
    """Write the SSDA903 files under `folder/ssda903` and the CIN census as `folder/cin.xml`."""
    written = write_903(authority, folder / "ssda903", as_at)
    written.append(write_cin(authority, folder / "cin.xml", as_at))
    return written
