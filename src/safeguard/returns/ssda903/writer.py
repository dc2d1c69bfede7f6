"""Write an SSDA903 return from an authority's records: the tables as text, then CSV files.

`build_903_tables` turns `AuthorityRecords` (from the synthetic generator or the database) into
the return's tables for one collection year, every value text exactly as the CSV holds it (dates
dd/mm/yyyy, blank as ""), columns in the order of shared/specs/ssda903.md and the reader's
`TABLES`. `write_903_csv` writes one file per table. Nothing here assumes the records are sorted
or that optional tables are present: rows are grouped and sorted here.

`build_903_history` gives the Episodes of every collection year before last year that the records
reach back to, each year's rows as that year's return had them, one year after another: what the
reader takes as earlier years' Episodes (`read_903(history=...)`), so the rules that look back
past last year (1000, 1001, 1002, 199) see a care leaver's earlier care as the DfE does.

Who is in which table (the DfE's cohorts, as the rules test them):
- Episodes: every episode open at some time in the year. An end date after 31 March is left out
  (the episode is open at the year's end), and with it the reason ceased. REASON_PLACE_CHANGE is
  recorded on the episode that ceased (DfE rules 225, 233), though the records keep it on the
  episode the child moved into.
- Header: every child in Episodes, and every care leaver in OC3. MOTHER is 0 for girls looked
  after in the year (the records hold no children of children in care) and blank for boys and for
  care leavers not looked after in the year (rule 628).
- Reviews: those in the year, of children in Episodes. Missing: the periods of children in
  Episodes open at some time in the year (a period open at last year's end is returned again with
  its start date; rule 576), an end after the year's end left out.
- SWEpisodes: each child's social worker allocations that overlap the year, while looked after or
  not (rule SW12STG2), one worker at a time (see `social_worker_rows`), SW_REASON OTHERS (the
  records keep no reason for a change of worker).
- UASC: children in Episodes recorded as unaccompanied asylum seekers.
- OC2: children looked after continuously for 12 months at 31 March (the rules' definition:
  looked after in the year, no period starting after 1 April or ending on or before 31 March, no short
  break). HEALTH_ASSESSMENT is 1 when the latest initial or review health assessment is within a
  year of 31 March (six months for a child under 5), TEETH_CHECK is 1 when a dental check fell in
  the year, and HEALTH_CHECK (asked of under-5s only) follows HEALTH_ASSESSMENT, since an under-5's
  six-monthly review is where the development checks are done. SDQ_SCORE, SDQ_REASON,
  CONVICTED, IMMUNISATIONS, SUBSTANCE_MISUSE and the two INTERVENTION items are the child's
  `CareOutcomes` for the year, as recorded (1 yes, 0 no, blank not recorded); with none recorded
  they are blank, and the DfE's rules 186, 191 and 543 will say so, which is true of the records.
- OC3: care leavers with a record dated in the year (their 17th to 21st birthdays), the latest
  such record: IN_TOUCH, ACTIV and ACCOM as recorded.
- AD1: children adopted in the year (an episode ending E11 or E12). DATE_INT is the decision that
  the child should be placed for adoption, DATE_MATCH the match; FOSTER_CARE follows from the
  adoption placement (A5 is with the child's foster carer, A6 is not; rule 335). NB_ADOPTR,
  SEX_ADOPTR and LS_ADOPTR are the adopters recorded on that adoption (blank when not recorded;
  rule 601 says so).
- PlacedAdoption: each decision that a child in Episodes should be placed for adoption, made by
  the year's end and not reversed before it began; DATE_PLACED is the decision,
  DATE_PLACED_CEASED and REASON_PLACED_CEASED its reversal when that falls in the year.
- PrevPerm: children starting a period of care in the year. PREV_PERM is P1, P2 or P3 with
  DATE_PERM when the records show an earlier period of care here ending in adoption (E11, E12), a
  special guardianship order (E45, E46) or a child arrangements order (E41); otherwise Z1 (no
  previous permanence option known). LA_PERM is the authority's own code when given
  (`la_code`), else blank: the records do not say which authority arranged an order.
- DoLo (from 2026/27): the records hold no deprivation of liberty orders, so it has no rows.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Final

import polars as pl

from safeguard.core.codes import SHORT_BREAK_LEGAL_STATUSES
from safeguard.core.records import (
    AdoptionMilestones,
    AuthorityRecords,
    CareOutcomes,
    LookedAfterEpisode,
    Person,
)
from safeguard.returns.ssda903.reader import TABLES

DOLO_FIRST_YEAR: Final = 2027
"""The first collection year (2026/27) with the DoLo table."""

_ADOPTED: Final = frozenset({"E11", "E12"})
_PREVIOUS_PERMANENCE: Final = {"E11": "P1", "E12": "P1", "E45": "P2", "E46": "P2", "E41": "P3"}
_WITH_FOSTER_CARER: Final = frozenset({"A3", "A5"})
_NOT_WITH_FOSTER_CARER: Final = frozenset({"A4", "A6"})


def table_names(year: int) -> tuple[str, ...]:
    """The SSDA903 tables of collection year `year` (2026 is 2025/26), in the spec's order."""
    return tuple(name for name in TABLES if name != "DoLo" or year >= DOLO_FIRST_YEAR)


def d903(value: date | None) -> str:
    """A date as the SSDA903 CSV writes it (dd/mm/yyyy), or "" for none."""
    return "" if value is None else value.strftime("%d/%m/%Y")


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February: the rules' offset_by gives 28 February
        return day.replace(year=day.year + years, day=28)


def _yes_no(value: bool | None) -> str:
    """A yes/no item as the return codes it: 1 yes, 0 no, blank not recorded."""
    return "" if value is None else "1" if value else "0"


def _within(value: date | None, last: date) -> date | None:
    return value if value is not None and value <= last else None


def _overlaps(start: date, end: date | None, first: date, last: date) -> bool:
    return start <= last and (end is None or end >= first)


def _frame(name: str, rows: Iterable[Sequence[str]]) -> pl.DataFrame:
    columns = TABLES[name]
    return pl.DataFrame(list(rows), schema=dict.fromkeys(columns, pl.Utf8), orient="row")


def _change_reasons(episodes: Iterable[LookedAfterEpisode]) -> dict[int, str]:
    """REASON_PLACE_CHANGE by the id of the episode that ended in the change."""
    by_period: dict[int, list[LookedAfterEpisode]] = defaultdict(list)
    for episode in episodes:
        by_period[episode.period_id].append(episode)
    reasons: dict[int, str] = {}
    for period in by_period.values():
        period.sort(key=lambda e: (e.start_date, e.id))
        for ending, following in pairwise(period):
            if following.reason_place_change:
                reasons[ending.id] = following.reason_place_change
    return reasons


class _Year:
    """The records of one collection year, grouped by child, ready to become tables."""

    def __init__(self, records: AuthorityRecords, year: int, la_code: str) -> None:
        self.records = records
        self.year = year
        self.la_code = la_code
        self.first = date(year - 1, 4, 1)
        self.last = date(year, 3, 31)
        self.persons: dict[int, Person] = {p.id: p for p in records.persons}
        self.all_episodes: dict[int, list[LookedAfterEpisode]] = defaultdict(list)
        for episode in records.care_episodes:
            self.all_episodes[episode.child_id].append(episode)
        for episodes in self.all_episodes.values():
            episodes.sort(key=lambda e: (e.start_date, e.id))
        self.episodes: dict[int, list[LookedAfterEpisode]] = {}
        for child, episodes in self.all_episodes.items():
            in_year = [
                e for e in episodes if _overlaps(e.start_date, e.end_date, self.first, self.last)
            ]
            if in_year and child in self.persons:
                self.episodes[child] = in_year
        self.children = sorted(self.episodes, key=self._child_key)

    def _child_key(self, child: int) -> tuple[str, int]:
        return (self.persons[child].la_person_id, child)

    def child(self, child: int) -> str:
        return self.persons[child].la_person_id

    def dob(self, child: int) -> str:
        return d903(self.persons[child].date_of_birth)

    def ended(self, episode: LookedAfterEpisode) -> date | None:
        return _within(episode.end_date, self.last)

    # ---- the tables ---------------------------------------------------------------------------

    def episodes_rows(self) -> list[list[str]]:
        change_reason = _change_reasons(self.records.care_episodes)
        rows = []
        for child in self.children:
            for e in self.episodes[child]:
                ended = self.ended(e)
                rows.append(
                    [
                        self.child(child),
                        d903(e.start_date),
                        e.reason_new_episode,
                        e.legal_status,
                        e.category_of_need,
                        e.placement_type,
                        e.placement_provider,
                        d903(ended),
                        e.reason_ceased if ended else "",
                        change_reason.get(e.id, "") if ended else "",
                        e.home_postcode,
                        e.placement_postcode,
                        e.urn,
                    ]
                )
        return rows

    def header_rows(self, care_leavers: Iterable[int]) -> list[list[str]]:
        looked_after = set(self.children)
        children = sorted(looked_after | set(care_leavers), key=self._child_key)
        rows = []
        for child in children:
            person = self.persons[child]
            mother = "0" if person.sex == "F" and child in looked_after else ""
            rows.append(
                [
                    person.la_person_id,
                    person.sex,
                    d903(person.date_of_birth),
                    person.ethnicity,
                    person.upn or person.upn_unknown_reason or "UN1",
                    mother,
                    "",
                ]
            )
        return rows

    def reviews_rows(self) -> list[list[str]]:
        reviews = sorted(
            (
                r
                for r in self.records.care_reviews
                if r.child_id in self.episodes and self.first <= r.review_date <= self.last
            ),
            key=lambda r: (self._child_key(r.child_id), r.review_date, r.id),
        )
        return [
            [self.child(r.child_id), self.dob(r.child_id), d903(r.review_date), r.participation]
            for r in reviews
        ]

    def uasc_rows(self) -> list[list[str]]:
        return [
            [
                self.child(c),
                self.persons[c].sex,
                self.dob(c),
                d903(self.persons[c].uasc_ceased_date),
            ]
            for c in self.children
            if self.persons[c].is_unaccompanied_asylum_seeker
        ]

    def missing_rows(self) -> list[list[str]]:
        missing = sorted(
            (
                m
                for m in self.records.missing_episodes
                if m.child_id in self.episodes
                and _overlaps(m.start_date, m.end_date, self.first, self.last)
            ),
            key=lambda m: (self._child_key(m.child_id), m.start_date, m.id),
        )
        return [
            [
                self.child(m.child_id),
                self.dob(m.child_id),
                m.kind,
                d903(m.start_date),
                d903(_within(m.end_date, self.last)),
            ]
            for m in missing
        ]

    def social_worker_rows(self) -> list[list[str]]:
        """Each child's social workers in the year (all of them, while looked after or not, as
        rule SW12STG2 asks of a child looked after at 31 March), one at a time: where
        allocations overlap (a worker from another team still allocated), the earlier ends the
        day the later begins (rules SW08STG2, SW10STG2), and a handover within a day is dropped
        (SW09STG2)."""
        staff = {s.id: s.staff_id for s in self.records.staff}
        by_child: dict[int, list[tuple[date, int, date | None, str]]] = defaultdict(list)
        for a in self.records.allocations:
            if a.kind != "social_worker" or a.child_id not in self.episodes:
                continue
            if a.worker_id is None or a.worker_id not in staff:
                continue
            if _overlaps(a.start_date, a.end_date, self.first, self.last):
                by_child[a.child_id].append((a.start_date, a.id, a.end_date, staff[a.worker_id]))
        rows = []
        for child in sorted(by_child, key=self._child_key):
            spells = sorted(by_child[child])
            kept: list[tuple[date, date | None, str]] = []
            for index, (start, _id, end, worker) in enumerate(spells):
                later = [s for s, *_ in spells[index + 1 :] if s > start]
                if later and (end is None or end > later[0]):
                    end = later[0]
                if end is not None and end <= start:
                    continue
                if index + 1 < len(spells) and spells[index + 1][0] == start:
                    continue  # two allocations from one day: the later-recorded one holds
                kept.append((start, end, worker))
            for start, end, worker in kept:
                ended = _within(end, self.last)
                if end is not None and end < self.first:
                    continue
                rows.append(
                    [self.child(child), self.dob(child), worker, d903(start), d903(ended), "OTHERS"]
                )
        return rows

    def continuously_looked_after(self) -> list[int]:
        """Children looked after continuously for 12 months at 31 March (see module docstring)."""
        cohort = []
        for child in self.children:
            broken = False
            for e in self.episodes[child]:
                ended = self.ended(e)
                enters = e.reason_new_episode == "S" and e.start_date > self.first
                leaves = ended is not None and e.reason_ceased != "X1" and ended <= self.last
                if enters or leaves or e.legal_status in SHORT_BREAK_LEGAL_STATUSES:
                    broken = True
                    break
            if not broken:
                cohort.append(child)
        return cohort

    def oc2_rows(self) -> list[list[str]]:
        outcomes: dict[int, CareOutcomes] = {}
        for recorded in sorted(self.records.care_outcomes, key=lambda o: o.id):
            if recorded.collection_year == self.year:
                outcomes[recorded.child_id] = recorded  # the latest, should a year have two
        health: dict[int, list[date]] = defaultdict(list)
        dental: dict[int, list[date]] = defaultdict(list)
        for h in self.records.health_assessments:
            if h.assessment_date > self.last:
                continue
            if h.kind == "dental":
                dental[h.child_id].append(h.assessment_date)
            else:
                health[h.child_id].append(h.assessment_date)
        rows = []
        for child in self.continuously_looked_after():
            born = self.persons[child].date_of_birth
            under_five = born is not None and _add_years(born, 5) > self.last
            window = timedelta(days=183 if under_five else 365)
            latest = max(health.get(child, ()), default=None)
            assessed = "1" if latest is not None and latest > self.last - window else "0"
            teeth = "1" if any(d >= self.first for d in dental.get(child, ())) else "0"
            o = outcomes.get(child)
            rows.append(
                [
                    self.child(child),
                    self.dob(child),
                    "" if o is None or o.sdq_score is None else str(o.sdq_score),
                    "" if o is None else o.sdq_reason,
                    "" if o is None else _yes_no(o.convicted),
                    assessed if under_five else "",  # HEALTH_CHECK: under-5s only
                    "" if o is None else _yes_no(o.immunisations_up_to_date),
                    teeth,
                    assessed,
                    "" if o is None else _yes_no(o.substance_misuse),
                    "" if o is None else _yes_no(o.intervention_received),
                    "" if o is None else _yes_no(o.intervention_offered),
                ]
            )
        return rows

    def care_leavers(self) -> dict[int, list[str]]:
        latest: dict[int, tuple[date, int, list[str]]] = {}
        for record in self.records.care_leaver_records:
            if not self.first <= record.recorded_on <= self.last:
                continue
            if record.child_id not in self.persons:
                continue
            key = (record.recorded_on, record.id)
            held = latest.get(record.child_id)
            if held is None or key > held[:2]:
                row = [
                    self.child(record.child_id),
                    self.dob(record.child_id),
                    record.in_touch,
                    record.activity,
                    record.accommodation,
                ]
                latest[record.child_id] = (record.recorded_on, record.id, row)
        return {child: held[2] for child, held in latest.items()}

    def adopted(self) -> dict[int, LookedAfterEpisode]:
        """The episode, by child, in which a child in Episodes was adopted during the year."""
        adopted: dict[int, LookedAfterEpisode] = {}
        for child in self.children:
            for e in self.episodes[child]:
                ended = self.ended(e)
                if ended is not None and ended >= self.first and e.reason_ceased in _ADOPTED:
                    adopted[child] = e
        return adopted

    def ad1_rows(self) -> list[list[str]]:
        adopted = self.adopted()
        # The child's latest decision that was not reversed is the one that led to adoption.
        decisions: dict[int, AdoptionMilestones] = {}
        for a in sorted(self.records.adoptions, key=lambda a: (a.decision_date or date.min, a.id)):
            if a.child_id in adopted and a.no_longer_planned_date is None:
                decisions[a.child_id] = a
        rows = []
        for child in sorted(adopted, key=self._child_key):
            held = decisions.get(child)
            decision = held.decision_date if held else None
            matched = held.matched_date if held else None
            place = adopted[child].placement_type
            foster = (
                "1"
                if place in _WITH_FOSTER_CARER
                else "0"
                if place in _NOT_WITH_FOSTER_CARER
                else ""
            )
            rows.append(
                [
                    self.child(child),
                    self.dob(child),
                    d903(_within(decision, self.last)),
                    d903(_within(matched, self.last)),
                    foster,
                    str(held.number_of_adopters) if held and held.number_of_adopters else "",
                    held.adopters_sex if held else "",
                    held.adopters_legal_status if held else "",
                ]
            )
        return rows

    def placed_adoption_rows(self) -> list[list[str]]:
        decisions = sorted(
            (
                a
                for a in self.records.adoptions
                if a.child_id in self.episodes
                and a.decision_date is not None
                and a.decision_date <= self.last
                and (a.no_longer_planned_date is None or a.no_longer_planned_date >= self.first)
            ),
            key=lambda a: (self._child_key(a.child_id), a.decision_date, a.id),
        )
        rows = []
        for a in decisions:
            ceased = _within(a.no_longer_planned_date, self.last)
            rows.append(
                [
                    self.child(a.child_id),
                    self.dob(a.child_id),
                    d903(a.decision_date),
                    d903(ceased),
                    a.no_longer_planned_reason if ceased else "",
                ]
            )
        return rows

    def previous_permanence_rows(self) -> list[list[str]]:
        rows = []
        for child in self.children:
            starts = [
                e
                for e in self.episodes[child]
                if e.reason_new_episode == "S" and e.start_date >= self.first
            ]
            if not starts:
                continue
            began = starts[-1].start_date
            before = [e for e in self.all_episodes[child] if e.end_date and e.end_date <= began]
            code, when = "Z1", None
            if before and before[-1].reason_ceased in _PREVIOUS_PERMANENCE:
                code = _PREVIOUS_PERMANENCE[before[-1].reason_ceased]
                when = before[-1].end_date
            rows.append(
                [
                    self.child(child),
                    self.dob(child),
                    code,
                    self.la_code if code != "Z1" else "",
                    d903(when),
                ]
            )
        return rows


def build_903_tables(
    records: AuthorityRecords, year: int, *, la_code: str = ""
) -> dict[str, pl.DataFrame]:
    """The SSDA903 tables of collection year `year` (2026 is 1 April 2025 to 31 March 2026).

    Every column is text as the CSV holds it; a table with no rows is present with its columns.
    `la_code` (the authority's three-digit code) fills LA_PERM for a previous permanence order
    the authority itself made; without it LA_PERM is blank.
    """
    data = _Year(records, year, la_code)
    care_leavers = data.care_leavers()
    built = {
        "Header": _frame("Header", data.header_rows(care_leavers)),
        "Episodes": _frame("Episodes", data.episodes_rows()),
        "Reviews": _frame("Reviews", data.reviews_rows()),
        "UASC": _frame("UASC", data.uasc_rows()),
        "OC2": _frame("OC2", data.oc2_rows()),
        "OC3": _frame("OC3", (care_leavers[c] for c in sorted(care_leavers, key=data._child_key))),
        "AD1": _frame("AD1", data.ad1_rows()),
        "PlacedAdoption": _frame("PlacedAdoption", data.placed_adoption_rows()),
        "PrevPerm": _frame("PrevPerm", data.previous_permanence_rows()),
        "Missing": _frame("Missing", data.missing_rows()),
        "SWEpisodes": _frame("SWEpisodes", data.social_worker_rows()),
        "DoLo": _frame("DoLo", ()),
    }
    return {name: built[name] for name in table_names(year)}


def build_903_history(records: AuthorityRecords, year: int) -> pl.DataFrame:
    """The Episodes of every collection year before `year - 1` that the records hold, oldest year
    first, each year's rows as `build_903_tables` writes that year's Episodes (an episode open at
    a year's end is in that year without its end, and again in the next year). Text columns as
    the Episodes CSV; no rows when the records hold no care before last year.
    """
    starts = [e.start_date for e in records.care_episodes]
    frames = [_frame("Episodes", ())]
    if starts:
        first = min(starts)
        first_year = first.year + 1 if (first.month, first.day) >= (4, 1) else first.year
        frames.extend(
            _frame("Episodes", _Year(records, earlier, "").episodes_rows())
            for earlier in range(first_year, year - 1)
        )
    return pl.concat(frames, how="vertical")


def file_name(table: str) -> str:
    """The CSV file name a table is written to: its name in lower case ("episodes_last.csv")."""
    return f"{table.lower()}.csv"


def write_903_csv(tables: Mapping[str, pl.DataFrame], folder: Path) -> list[Path]:
    """Write each table as `folder/<table name in lower case>.csv` (UTF-8, a header row).

    Returns the files written, in the order of `tables`. Values are written as they are; a null
    is written as blank.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables.items():
        path = folder / file_name(name)
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(frame.columns)
            writer.writerows(
                ["" if value is None else str(value) for value in row] for row in frame.iter_rows()
            )
        written.append(path)
    return written
