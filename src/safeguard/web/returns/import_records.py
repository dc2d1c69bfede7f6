"""What a statutory return says about Safeguard's records: one wanted record per natural key.

`map_903` and `map_cin` turn a return as read (`Return903`, `ReturnCIN`) into `Mapped`: for each
kind of record, the values the return gives, keyed by the record's natural key, and every problem
that stops a row being mapped (named by file, row and field). Nothing here touches the database;
`importer.py` matches these keys to the rows already held and writes the difference.

Natural keys (defined once, here; `KINDS` says how each is matched in the database):

| kind | model | key |
|---|---|---|
| persons | Person | la_person_id = SSDA903 CHILD, CIN LAchildID (the same child in both returns) |
| disabilities | PersonDisability | child, CIN Disability code (NONE means no row) |
| care_episodes | LookedAfterEpisode | child, DECOM |
| care_reviews | LookedAfterReview | child, REVIEW |
| missing_episodes | MissingEpisode | child, MIS_START, MISSING (a child may go absent and missing the same day) |
| care_leaver_records | CareLeaverRecord | child, the birthday in the year the OC3 row describes |
| adoptions | AdoptionMilestones | child, the decision to place for adoption (AD1 DATE_INT, PlacedAdoption DATE_PLACED) |
| care_outcomes | CareOutcomes | child, the collection year (OC2 describes the year of the return) |
| cin_episodes | CINEpisode | child, CINreferralDate |
| assessments | Assessment | CIN episode, AssessmentActualStartDate |
| cin_plans | CINPlan | CIN episode, CINPlanStartDate |
| section47s | Section47Enquiry | CIN episode, S47ActualStartDate |
| cp_plans | ChildProtectionPlan | CIN episode, CPPstartDate |
| conferences | ChildProtectionConference | CIN episode, initial or review, the conference date |

Periods of care (LookedAfterPeriod) are not in the return; they are built from each child's
runs of episodes (`_map_903_episodes`) and matched to the periods held (`_Writer.care_periods`).

How values are put. The writers in `safeguard.returns` put them back the same way, so importing
a return and exporting it gives the return back, row for row, for every table whose fields
Safeguard holds (tests/cli/test_import_returns.py); the fields it does not hold
(`NOT_IMPORTED_903`, `NOT_IMPORTED_CIN`) are listed in every import's report.
- A blank in the return never clears a value Safeguard holds: a return covers one year and a
  blank says nothing (an episode open at 31 March has no DEC, yet may have ended since).
- SSDA903 UPN codes UN1-UN7 are the reason a UPN is unknown (Person.upn_unknown_reason).
- REASON_PLACE_CHANGE is on the episode that ceased in the return; Safeguard keeps it on the
  episode the child moved into, so it moves to the next episode of the same run (kept on its own
  row if the return has no next episode).
- An OC3 row describes the care leaver on their birthday in the collection year (17th to 21st):
  that birthday is `recorded_on`; eligibility is "relevant" at 17 and "former relevant" from 18.
- AD1 and PlacedAdoption rows about the same decision (DATE_INT = DATE_PLACED) are one
  AdoptionMilestones; an AD1 row (a child adopted in the year) also records the adoption order
  date as the DEC of the child's episode ending E11 or E12, and the adopters (NB_ADOPTR 1 or 2,
  SEX_ADOPTR and LS_ADOPTR as given).
- An OC2 row is the child's CareOutcomes for the return's year: SDQ_SCORE a whole number,
  SDQ_REASON as given, the yes/no items 1 or 0. Its health items (HEALTH_CHECK, TEETH_CHECK,
  HEALTH_ASSESSMENT) are not kept: Safeguard works them out from dated health assessments.
- CIN ReferralNFA and ICPCnotRequired are 0/1 or false/true. DateOfInitialCPC on a Section47 is
  an initial conference linked to that enquiry; on CINdetails with no enquiry of that date, an
  initial conference of the episode. plan_required is true when a plan of the episode starts on
  the conference's day, else false; as in Safeguard's own records, only review conferences are
  linked to a plan. CPPreviewDate is a review conference linked to its plan.

Problems (the import then writes nothing): a row for a child with no Header row; a blank or
unreadable child id or key date; a date that is not a date; an end before its start; a code
Safeguard acts on that it does not know (SEX/Sex and GenderCurrent, MISSING, RNE, which starts
the placement timescales; ReferralNFA, ICPCnotRequired, NumberOfPreviousCPP), or a yes/no or
number it cannot keep (OC2's 0/1 items and SDQ_SCORE, AD1 NB_ADOPTR); a value longer than
Safeguard's field; two rows with one key and different values. Other codes are stored as given;
whether they are valid for the year is for the DfE's rules, which the import runs and reports.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

import polars as pl
from django.db import models

from safeguard.core.codes import is_valid
from safeguard.returns.cin.reader import ReturnCIN
from safeguard.returns.engine import ROW, year_end, year_start
from safeguard.returns.ssda903.reader import Return903
from safeguard.web.casework import models as cw

Key = tuple[Any, ...]

PLACEHOLDER_FIRST_NAME: Final = "Unnamed"
"""Returns carry no names: an imported child is created with this first name and
`placeholder_last_name`, which a worker sees at once and replaces. A name already recorded is
never changed by an import."""


def placeholder_last_name(la_person_id: str) -> str:
    """The last name of a child created by an import: plain, honest and unique to the child."""
    return f"child {la_person_id} (imported)"


SEX_CODES: Final = {"M": "M", "F": "F", "U": "U", "1": "M", "2": "F"}
"""SSDA903 SEX and CIN Sex (M, F, U; SSDA903 returns before 2024/25 used 1 and 2)."""
GENDER_CURRENT: Final = {"0": "U", "1": "M", "2": "F", "9": "U"}
"""CIN GenderCurrent, the 2024 schema's field (0 not known, 1 male, 2 female, 9 not stated)."""
TRUE_FALSE: Final = {"0": False, "1": True, "FALSE": False, "TRUE": True}
YES_NO: Final = {"0": False, "1": True}
"""The SSDA903 OC2 yes/no items (CONVICTED, IMMUNISATIONS, ...): 1 yes, 0 no."""
NUMBER_OF_ADOPTERS: Final = {"1": 1, "2": 2}
SDQ_SCORE_LIMIT: Final = 999
"""The largest SDQ_SCORE kept. The DfE's scores run 0 to 40 and rule 180 reports any other; a
larger number than this is no score at all."""
LA_ID_LENGTH: Final = 36
"""Person.la_person_id's length: the CIN census's LAchildID is at most 36 characters."""
UPN_UNKNOWN: Final = frozenset(f"UN{i}" for i in range(1, 8))
ADOPTED: Final = frozenset({"E11", "E12"})
NEW_RUN: Final = "S"
"""RNE S: the child started to be looked after, so the episode starts a new period of care."""


@dataclass(frozen=True)
class Problem:
    """One row that cannot be mapped: the file, the row (1-based, as the report gives it), the
    return's field and why."""

    file: str
    row: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: row {self.row}, {self.field}: {self.message}"


@dataclass
class Wanted:
    """What the return says about one record: its natural key, the child it belongs to (LA id),
    its field values (model attribute names) and the row it came from.

    `refs` are foreign keys to other wanted records, as (kind, key), resolved when written.
    """

    key: Key
    child: str
    values: dict[str, Any]
    row: int
    refs: dict[str, tuple[str, Key]] = field(default_factory=dict)


@dataclass
class Mapped:
    """A return mapped onto Safeguard's records: wanted records by kind and key, and problems."""

    return_name: str
    year: str
    kinds: dict[str, dict[Key, Wanted]]
    problems: list[Problem]
    not_imported: list[str]
    episode_runs: dict[str, list[list[Wanted]]] = field(default_factory=dict)


class _Mapper:
    """Shared bookkeeping: problems, wanted records and the checks every row goes through."""

    def __init__(self, return_name: str, year: str, files: Mapping[str, str]) -> None:
        self.year = year
        self.files = files
        self.problems: list[Problem] = []
        self.kinds: dict[str, dict[Key, Wanted]] = defaultdict(dict)
        self.return_name = return_name

    def problem(self, table: str, row: int, column: str, message: str) -> None:
        self.problems.append(Problem(self.files.get(table, table), row, column, message))

    def want(self, kind: str, table: str, wanted: Wanted, column: str) -> Wanted:
        """Add `wanted` unless its key is taken: the same values again are one record; different
        values under one key are a problem (`column` names the key's field)."""
        held = self.kinds[kind].get(wanted.key)
        if held is None:
            self.kinds[kind][wanted.key] = wanted
            return wanted
        if held.values != wanted.values or held.refs != wanted.refs:
            self.problem(
                table,
                wanted.row,
                column,
                f"the same record as row {held.row}, with different values",
            )
        return held

    def mapped(self) -> Mapped:
        return Mapped(self.return_name, self.year, dict(self.kinds), self.problems, [])


class _Row:
    """One row of a return table, read into model values with every check named by field."""

    def __init__(self, mapper: _Mapper, table: str, values: Mapping[str, Any]) -> None:
        self.mapper = mapper
        self.table = table
        self.values = values
        self.row = int(values[ROW])
        self.ok = True

    def problem(self, column: str, message: str) -> None:
        self.ok = False
        self.mapper.problem(self.table, self.row, column, message)

    def text(self, column: str, model: type[models.Model], name: str) -> str:
        """The column's text ("" when blank), refused if longer than the model field holds."""
        value = self.values.get(column)
        if value is None:
            return ""
        value = str(value)
        limit = getattr(model._meta.get_field(name), "max_length", None)
        if limit is not None and len(value) > limit:
            self.problem(column, f"{value!r} is longer than the {limit} characters Safeguard keeps")
        return value

    def date(self, column: str, *, required: bool = False) -> date | None:
        """The column's date; a value that is not a date, or a required one that is blank, is a
        problem."""
        value = self.values.get(column)
        if value is None:
            written = self.values.get(f"{column}__text")
            if written is not None:
                self.problem(column, f"{written!r} is not a date")
            elif required:
                self.problem(column, "is blank; the record cannot be placed without it")
        return value if isinstance(value, date) else None

    def ends(self, start: str, end: str) -> None:
        """A problem if the end column's date is before the start column's."""
        began, ended = self.values.get(start), self.values.get(end)
        if isinstance(began, date) and isinstance(ended, date) and ended < began:
            self.problem(end, f"{ended:%d/%m/%Y} is before {start} {began:%d/%m/%Y}")

    def code(self, column: str, codes: Mapping[str, Any]) -> Any:
        """The column's value through `codes`; an unknown value is a problem, blank is None."""
        value = self.values.get(column)
        if value is None:
            return None
        found = codes.get(str(value).upper())
        if found is None:
            self.problem(
                column,
                f"{value!r} is not a code Safeguard knows (expected {', '.join(sorted(codes))})",
            )
        return found

    def whole_number(self, column: str, limit: int) -> int | None:
        """The column as a whole number from 0 to `limit`; anything else is a problem."""
        value = self.values.get(column)
        if value is None:
            return None
        text = str(value)
        if not text.isdigit() or int(text) > limit:
            self.problem(column, f"{text!r} is not a whole number from 0 to {limit}")
            return None
        return int(text)

    def known(self, column: str, list_name: str) -> str:
        """The column's code, a problem unless it is in the year's `list_name` code list."""
        value = self.values.get(column)
        if value is None:
            return ""
        if not is_valid(list_name, self.mapper.year, str(value)):
            self.problem(column, f"{value!r} is not a {list_name} code in {self.mapper.year}")
        return str(value)

    def child_id(self, column: str) -> str | None:
        value = self.values.get(column)
        if value is None:
            self.problem(column, "is blank; every row needs the child's id")
            return None
        text = str(value)
        if len(text) > LA_ID_LENGTH:
            self.problem(column, f"{text!r} is longer than an LA child id may be")
            return None
        return text


def _rows(tables: Mapping[str, pl.DataFrame], name: str) -> Iterator[dict[str, Any]]:
    frame = tables.get(name)
    if frame is not None:
        yield from frame.iter_rows(named=True)


def _birthday_in_year(born: date, year: str) -> date:
    """The child's birthday that falls in collection `year` (29 February: 28 February)."""
    first, last = year_start(year), year_end(year)
    for candidate_year in (first.year, last.year):
        try:
            day = born.replace(year=candidate_year)
        except ValueError:
            day = date(candidate_year, 2, 28)
        if first <= day <= last:
            return day
    raise AssertionError("every date has a birthday in a twelve-month year")


def _not_imported(tables: Mapping[str, pl.DataFrame], what: Mapping[str, str]) -> list[str]:
    """Say which tables or columns with values in them have no place in Safeguard's records."""
    said = []
    for name, reason in what.items():
        table, _, column = name.partition(".")
        frame = tables.get(table)
        if frame is None or frame.height == 0:
            continue
        if column:
            count = frame.get_column(column).drop_nulls().len() if column in frame.columns else 0
            if count:
                said.append(f"{table} {column} ({count:,} value(s)): {reason}")
        else:
            said.append(f"{table} ({frame.height:,} row(s)): {reason}")
    return said


NOT_IMPORTED_903: Final = {
    "Header.MOTHER": "Safeguard works it out from the records of the child's own children",
    "Header.MC_DOB": "Safeguard has no field for it",
    "Episodes.PL_LA": "derived by other tools from the postcodes",
    "Episodes.PL_LOCATION": "derived by other tools from the postcodes",
    "Episodes.PL_DISTANCE": "derived by other tools from the postcodes",
    "OC2.HEALTH_CHECK": "Safeguard works it out from dated health assessments",
    "OC2.TEETH_CHECK": "Safeguard works it out from dated dental checks",
    "OC2.HEALTH_ASSESSMENT": "Safeguard works it out from dated health assessments",
    "AD1.FOSTER_CARE": "Safeguard works it out from the adoption placement (PLACE)",
    "PrevPerm": "Safeguard works it out from earlier periods of care",
    "SWEpisodes": "social workers are allocated to Safeguard's own staff and teams",
    "DoLo": "Safeguard has no record of deprivation of liberty orders",
}
NOT_IMPORTED_CIN: Final = {
    "Assessments.AssessmentInternalReviewDate": "Safeguard has no field for it",
    "Section47.InitialCPCtarget": "Safeguard works the ICPC timescale out itself",
}


def map_903(submission: Return903) -> Mapped:
    """Map an SSDA903 return's current-year tables onto Safeguard's records (see module doc)."""
    m = _Mapper("SSDA903", submission.year, submission.files)
    tables = submission.tables
    children = _map_903_header(m, tables)

    def known_child(row: _Row) -> str | None:
        child = row.child_id("CHILD")
        if child is not None and child not in children:
            row.problem("CHILD", f"{child!r} has no row in the Header table")
            return None
        return child

    uasc: dict[str, Wanted] = {}
    for values in _rows(tables, "UASC"):
        row = _Row(m, "UASC", values)
        child = known_child(row)
        ceased = row.date("DUC")
        if child is not None:
            uasc[child] = Wanted((child,), child, {"uasc_ceased_date": ceased}, row.row)
    for child, person in children.items():
        if child in uasc:
            person.values["is_unaccompanied_asylum_seeker"] = True
            person.values["uasc_ceased_date"] = uasc[child].values["uasc_ceased_date"]
        m.want("persons", "Header", person, "CHILD")

    runs = _map_903_episodes(m, tables, known_child)
    adopted_on: dict[str, date] = {}
    for run in (r for child_runs in runs.values() for r in child_runs):
        for wanted in run:
            if wanted.values["reason_ceased"] in ADOPTED and wanted.values["end_date"]:
                adopted_on[wanted.child] = wanted.values["end_date"]

    for values in _rows(tables, "Reviews"):
        row = _Row(m, "Reviews", values)
        child = known_child(row)
        when = row.date("REVIEW", required=True)
        participation = row.text("REVIEW_CODE", cw.LookedAfterReview, "participation")
        if row.ok and child is not None and when is not None:
            wanted = Wanted((child, when), child, {"participation": participation}, row.row)
            m.want("care_reviews", "Reviews", wanted, "REVIEW")

    for values in _rows(tables, "Missing"):
        row = _Row(m, "Missing", values)
        child = known_child(row)
        started = row.date("MIS_START", required=True)
        ended = row.date("MIS_END")
        row.ends("MIS_START", "MIS_END")
        kind = row.code("MISSING", {"M": "M", "A": "A"})
        if kind is None and row.ok:
            row.problem("MISSING", "is blank; Safeguard needs to know missing (M) or absent (A)")
        if row.ok and child is not None and started is not None:
            wanted = Wanted((child, started, kind), child, {"end_date": ended}, row.row)
            m.want("missing_episodes", "Missing", wanted, "MIS_START")

    _map_903_care_leavers(m, tables, children, known_child)
    _map_903_outcomes(m, tables, known_child)
    _map_903_adoptions(m, tables, known_child, adopted_on)
    mapped = m.mapped()
    mapped.episode_runs = runs
    mapped.not_imported = _not_imported(tables, NOT_IMPORTED_903)
    return mapped


def _map_903_header(m: _Mapper, tables: Mapping[str, pl.DataFrame]) -> dict[str, Wanted]:
    children: dict[str, Wanted] = {}
    for values in _rows(tables, "Header"):
        row = _Row(m, "Header", values)
        child = row.child_id("CHILD")
        sex = row.code("SEX", SEX_CODES)
        born = row.date("DOB")
        ethnicity = row.text("ETHNIC", cw.Person, "ethnicity")
        upn = row.text("UPN", cw.Person, "upn")
        uasc = row.code("UASC", TRUE_FALSE) if "UASC" in values else None
        if not row.ok or child is None:
            continue
        unknown = upn.upper() if upn.upper() in UPN_UNKNOWN else ""
        person = Wanted(
            (child,),
            child,
            {
                "sex": sex or "",
                "date_of_birth": born,
                "ethnicity": ethnicity,
                "upn": "" if unknown else upn,
                "upn_unknown_reason": unknown,
                "is_unaccompanied_asylum_seeker": uasc,
            },
            row.row,
        )
        held = children.get(child)
        if held is not None and held.values != person.values:
            row.problem("CHILD", f"a second Header row for this child (row {held.row})")
        children.setdefault(child, person)
    return children


def _map_903_episodes(
    m: _Mapper, tables: Mapping[str, pl.DataFrame], known_child: Any
) -> dict[str, list[list[Wanted]]]:
    """Episodes by child in runs: a run is episodes each starting the day the last one ended,
    and a new run starts with RNE S or a gap. Each run is (part of) one period of care."""
    by_child: dict[str, list[Wanted]] = defaultdict(list)
    reasons: dict[int, str] = {}
    e = cw.LookedAfterEpisode
    for values in _rows(tables, "Episodes"):
        row = _Row(m, "Episodes", values)
        child = known_child(row)
        started = row.date("DECOM", required=True)
        ended = row.date("DEC")
        row.ends("DECOM", "DEC")
        rne = row.values.get("RNE")
        if rne is not None:
            row.known("RNE", "RNE")
        wanted_values = {
            "reason_new_episode": row.text("RNE", e, "reason_new_episode"),
            "legal_status": row.text("LS", e, "legal_status"),
            "category_of_need": row.text("CIN", e, "category_of_need"),
            "placement_type": row.text("PLACE", e, "placement_type"),
            "placement_provider": row.text("PLACE_PROVIDER", e, "placement_provider"),
            "end_date": ended,
            "reason_ceased": row.text("REC", e, "reason_ceased"),
            "reason_place_change": "",
            "home_postcode": row.text("HOME_POST", e, "home_postcode"),
            "placement_postcode": row.text("PL_POST", e, "placement_postcode"),
            "urn": row.text("URN", e, "urn"),
        }
        reason = row.text("REASON_PLACE_CHANGE", e, "reason_place_change")
        if not row.ok or child is None or started is None:
            continue
        wanted = Wanted((child, started), child, wanted_values, row.row)
        held = m.want("care_episodes", "Episodes", wanted, "DECOM")
        if held is wanted:
            by_child[child].append(wanted)
            if reason:
                reasons[id(wanted)] = reason
    runs: dict[str, list[list[Wanted]]] = {}
    for child, episodes in by_child.items():
        episodes.sort(key=lambda w: w.key[1])
        child_runs: list[list[Wanted]] = []
        for wanted in episodes:
            last = child_runs[-1][-1] if child_runs else None
            joins = (
                last is not None
                and wanted.values["reason_new_episode"] != NEW_RUN
                and last.values["end_date"] == wanted.key[1]
            )
            if joins:
                child_runs[-1].append(wanted)
            else:
                child_runs.append([wanted])
        for run in child_runs:
            for ending, following in itertools.pairwise(run):
                if id(ending) in reasons:
                    following.values["reason_place_change"] = reasons.pop(id(ending))
            if id(run[-1]) in reasons:
                run[-1].values["reason_place_change"] = reasons.pop(id(run[-1]))
        runs[child] = child_runs
    return runs


def _map_903_care_leavers(
    m: _Mapper,
    tables: Mapping[str, pl.DataFrame],
    children: Mapping[str, Wanted],
    known_child: Any,
) -> None:
    c = cw.CareLeaverRecord
    for values in _rows(tables, "OC3"):
        row = _Row(m, "OC3", values)
        child = known_child(row)
        born = row.date("DOB")
        if child is not None and child in children:
            born = children[child].values["date_of_birth"] or born
        if born is None and row.ok:
            row.problem("DOB", "is blank here and in Header; OC3 describes the child's birthday")
        in_touch = row.text("IN_TOUCH", c, "in_touch")
        activity = row.text("ACTIV", c, "activity")
        accommodation = row.text("ACCOM", c, "accommodation")
        if not row.ok or child is None or born is None:
            continue
        birthday = _birthday_in_year(born, m.year)
        age = birthday.year - born.year
        eligibility = (c.Eligibility.RELEVANT if age < 18 else c.Eligibility.FORMER_RELEVANT).value
        wanted = Wanted(
            (child, birthday),
            child,
            {
                "eligibility": eligibility,
                "in_touch": in_touch,
                "activity": activity,
                "accommodation": accommodation,
            },
            row.row,
        )
        m.want("care_leaver_records", "OC3", wanted, "CHILD")


def _map_903_outcomes(m: _Mapper, tables: Mapping[str, pl.DataFrame], known_child: Any) -> None:
    """OC2 rows as the children's CareOutcomes for the return's year (see module docstring)."""
    year = year_end(m.year).year
    c = cw.CareOutcomes
    for values in _rows(tables, "OC2"):
        row = _Row(m, "OC2", values)
        child = known_child(row)
        outcomes = {
            "sdq_score": row.whole_number("SDQ_SCORE", SDQ_SCORE_LIMIT),
            "sdq_reason": row.text("SDQ_REASON", c, "sdq_reason"),
            "convicted": row.code("CONVICTED", YES_NO),
            "immunisations_up_to_date": row.code("IMMUNISATIONS", YES_NO),
            "substance_misuse": row.code("SUBSTANCE_MISUSE", YES_NO),
            "intervention_received": row.code("INTERVENTION_RECEIVED", YES_NO),
            "intervention_offered": row.code("INTERVENTION_OFFERED", YES_NO),
        }
        if row.ok and child is not None:
            wanted = Wanted((child, year), child, outcomes, row.row)
            m.want("care_outcomes", "OC2", wanted, "CHILD")


def _map_903_adoptions(
    m: _Mapper, tables: Mapping[str, pl.DataFrame], known_child: Any, adopted_on: Mapping[str, date]
) -> None:
    a = cw.AdoptionMilestones
    for values in _rows(tables, "PlacedAdoption"):
        row = _Row(m, "PlacedAdoption", values)
        child = known_child(row)
        decided = row.date("DATE_PLACED", required=True)
        ceased = row.date("DATE_PLACED_CEASED")
        row.ends("DATE_PLACED", "DATE_PLACED_CEASED")
        reason = row.text("REASON_PLACED_CEASED", a, "no_longer_planned_reason")
        if row.ok and child is not None and decided is not None:
            wanted = Wanted(
                (child, decided),
                child,
                {"no_longer_planned_date": ceased, "no_longer_planned_reason": reason},
                row.row,
            )
            m.want("adoptions", "PlacedAdoption", wanted, "DATE_PLACED")
    for values in _rows(tables, "AD1"):
        row = _Row(m, "AD1", values)
        child = known_child(row)
        decided = row.date("DATE_INT")
        matched = row.date("DATE_MATCH")
        adopters = {
            "number_of_adopters": row.code("NB_ADOPTR", NUMBER_OF_ADOPTERS),
            "adopters_sex": row.text("SEX_ADOPTR", a, "adopters_sex"),
            "adopters_legal_status": row.text("LS_ADOPTR", a, "adopters_legal_status"),
        }
        if not row.ok or child is None:
            continue
        adoption = {
            "matched_date": matched,
            "adoption_order_date": adopted_on.get(child),
            **adopters,
        }
        held = m.kinds["adoptions"].get((child, decided))
        if held is not None:
            held.values.update(adoption)
        else:
            m.want(
                "adoptions", "AD1", Wanted((child, decided), child, adoption, row.row), "DATE_INT"
            )


def map_cin(submission: ReturnCIN) -> Mapped:
    """Map a CIN census onto Safeguard's records (see module docstring)."""
    m = _Mapper("CIN census", submission.year, submission.files)
    tables = submission.tables
    ethnicity: dict[str, str] = {}
    for values in _rows(tables, "ChildCharacteristics"):
        row = _Row(m, "ChildCharacteristics", values)
        child = row.child_id("LAchildID")
        text = row.text("Ethnicity", cw.Person, "ethnicity")
        if child is not None:
            ethnicity[child] = text
    for values in _rows(tables, "ChildIdentifiers"):
        row = _Row(m, "ChildIdentifiers", values)
        child = row.child_id("LAchildID")
        sex = row.code("Sex", SEX_CODES)
        if sex is None and values.get("GenderCurrent") is not None:
            sex = row.code("GenderCurrent", GENDER_CURRENT)
        person = {
            "upn": row.text("UPN", cw.Person, "upn"),
            "former_upn": row.text("FormerUPN", cw.Person, "former_upn"),
            "upn_unknown_reason": row.text("UPNunknown", cw.Person, "upn_unknown_reason"),
            "date_of_birth": row.date("PersonBirthDate"),
            "expected_date_of_birth": row.date("ExpectedPersonBirthDate"),
            "sex": sex or "",
            "death_date": row.date("PersonDeathDate"),
            "ethnicity": ethnicity.get(child or "", ""),
        }
        if row.ok and child is not None:
            m.want(
                "persons", "ChildIdentifiers", Wanted((child,), child, person, row.row), "LAchildID"
            )
    for values in _rows(tables, "Disabilities"):
        row = _Row(m, "Disabilities", values)
        child = row.child_id("LAchildID")
        code = row.text("Disability", cw.PersonDisability, "code").upper()
        if row.ok and child is not None and code and code != "NONE":
            m.want(
                "disabilities",
                "Disabilities",
                Wanted((child, code), child, {}, row.row),
                "Disability",
            )

    episodes = _map_cin_episodes(m, tables)
    _map_cin_parts(m, tables, episodes)
    mapped = m.mapped()
    mapped.not_imported = _not_imported(tables, NOT_IMPORTED_CIN)
    return mapped


def _map_cin_episodes(m: _Mapper, tables: Mapping[str, pl.DataFrame]) -> dict[tuple[str, int], Key]:
    """CIN episodes by (child, CINdetailsID) -> their natural key; ICPCs on the episode too."""
    e = cw.CINEpisode
    episodes: dict[tuple[str, int], Key] = {}
    for values in _rows(tables, "CINdetails"):
        row = _Row(m, "CINdetails", values)
        child = row.child_id("LAchildID")
        referred = row.date("CINreferralDate", required=True)
        closed = row.date("CINclosureDate")
        row.ends("CINreferralDate", "CINclosureDate")
        icpc = row.date("DateOfInitialCPC")
        nfa = row.code("ReferralNFA", TRUE_FALSE)
        wanted_values = {
            "referral_source": row.text("ReferralSource", e, "referral_source"),
            "primary_need": row.text("PrimaryNeedCode", e, "primary_need"),
            "referral_nfa": nfa,
            "closure_date": closed,
            "closure_reason": row.text("ReasonForClosure", e, "closure_reason"),
        }
        if not row.ok or child is None or referred is None:
            continue
        key = (child, referred)
        m.want(
            "cin_episodes",
            "CINdetails",
            Wanted(key, child, wanted_values, row.row),
            "CINreferralDate",
        )
        episodes[(child, int(values["CINdetailsID"]))] = key
        if icpc is not None:
            conference = Wanted((*key, "initial", icpc), child, {}, row.row)
            m.want("conferences", "CINdetails", conference, "DateOfInitialCPC")
    return episodes


def _map_cin_parts(
    m: _Mapper, tables: Mapping[str, pl.DataFrame], episodes: Mapping[tuple[str, int], Key]
) -> None:
    def episode_of(row: _Row) -> Key | None:
        child = row.child_id("LAchildID")
        if child is None:
            return None
        return episodes.get((child, int(row.values["CINdetailsID"])))

    factors: dict[tuple[str, int, int], list[str]] = defaultdict(list)
    for values in _rows(tables, "AssessmentFactorsList"):
        if values.get("AssessmentFactors") is not None:
            ids = (values["LAchildID"], values["CINdetailsID"], values["AssessmentID"])
            factors[ids].append(str(values["AssessmentFactors"]))
    for values in _rows(tables, "Assessments"):
        row = _Row(m, "Assessments", values)
        episode = episode_of(row)
        started = row.date("AssessmentActualStartDate", required=True)
        authorised = row.date("AssessmentAuthorisationDate")
        row.ends("AssessmentActualStartDate", "AssessmentAuthorisationDate")
        ids = (values["LAchildID"], values["CINdetailsID"], values["AssessmentID"])
        if row.ok and episode is not None and started is not None:
            wanted = Wanted(
                (*episode, started),
                episode[0],
                {"authorisation_date": authorised, "factors": factors.get(ids, [])},
                row.row,
            )
            m.want("assessments", "Assessments", wanted, "AssessmentActualStartDate")
    for values in _rows(tables, "CINplanDates"):
        row = _Row(m, "CINplanDates", values)
        episode = episode_of(row)
        started = row.date("CINPlanStartDate", required=True)
        ended = row.date("CINPlanEndDate")
        row.ends("CINPlanStartDate", "CINPlanEndDate")
        if row.ok and episode is not None and started is not None:
            wanted = Wanted((*episode, started), episode[0], {"end_date": ended}, row.row)
            m.want("cin_plans", "CINplanDates", wanted, "CINPlanStartDate")
    plans: dict[tuple[str, int, int], Key] = {}
    for values in _rows(tables, "ChildProtectionPlans"):
        row = _Row(m, "ChildProtectionPlans", values)
        episode = episode_of(row)
        started = row.date("CPPstartDate", required=True)
        ended = row.date("CPPendDate")
        row.ends("CPPstartDate", "CPPendDate")
        p = cw.ChildProtectionPlan
        previous = values.get("NumberOfPreviousCPP")
        count: int | None = None
        if previous is not None:
            if str(previous).isdigit() and int(previous) < 32_768:
                count = int(previous)
            else:
                row.problem("NumberOfPreviousCPP", f"{previous!r} is not a number of plans")
        wanted_values = {
            "end_date": ended,
            "initial_category": row.text("InitialCategoryOfAbuse", p, "initial_category"),
            "latest_category": row.text("LatestCategoryOfAbuse", p, "latest_category"),
            "number_of_previous_plans": count,
        }
        if row.ok and episode is not None and started is not None:
            key = (*episode, started)
            m.want(
                "cp_plans",
                "ChildProtectionPlans",
                Wanted(key, episode[0], wanted_values, row.row),
                "CPPstartDate",
            )
            plans[(values["LAchildID"], values["CINdetailsID"], values["CPPID"])] = key
    for values in _rows(tables, "Section47"):
        row = _Row(m, "Section47", values)
        episode = episode_of(row)
        started = row.date("S47ActualStartDate", required=True)
        icpc = row.date("DateOfInitialCPC")
        not_required = row.code("ICPCnotRequired", TRUE_FALSE)
        if row.ok and episode is not None and started is not None:
            key = (*episode, started)
            wanted = Wanted(key, episode[0], {"icpc_not_required": not_required}, row.row)
            m.want("section47s", "Section47", wanted, "S47ActualStartDate")
            if icpc is not None:
                conference = Wanted((*episode, "initial", icpc), episode[0], {}, row.row)
                conference.refs["section47_id"] = ("section47s", key)
                # A CINdetails ICPC of the same date is this one: the enquiry's link wins.
                m.kinds["conferences"].pop(conference.key, None)
                m.want("conferences", "Section47", conference, "DateOfInitialCPC")
    for values in _rows(tables, "Reviews"):
        row = _Row(m, "Reviews", values)
        episode = episode_of(row)
        when = row.date("CPPreviewDate", required=True)
        plan = plans.get((values["LAchildID"], values["CINdetailsID"], values["CPPID"]))
        if row.ok and episode is not None and when is not None and plan is not None:
            conference = Wanted(
                (*episode, "review", when), episode[0], {"plan_required": None}, row.row
            )
            conference.refs["plan_id"] = ("cp_plans", plan)
            m.want("conferences", "Reviews", conference, "CPPreviewDate")
    for key, conference in m.kinds["conferences"].items():
        if key[2] == "initial":
            plan_key = (*key[:2], key[3])
            conference.values["plan_required"] = plan_key in m.kinds["cp_plans"]
