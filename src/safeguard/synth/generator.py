"""Generate a synthetic authority: every child's journey, the workforce and the allocations.

Deterministic by seed: one `random.Random(seed)` drives every choice and Faker is seeded from it.
The core never reads the clock; the caller passes `as_at`.

How the simulation works (the parameters in `_Tuning` are fitted so that `calibration.measure`
reproduces the preset's figures):

* Casework flows run from `sim_start` (one year of burn-in before the window) to `as_at`. New
  children arrive at the front door as a Poisson stream; each referral takes one path (no further
  action; assessed not in need; child in need plan; section 47 enquiry, perhaps an initial
  conference and a child protection plan; looked after), then the episode closes and the child may
  be re-referred within twelve months. Some children arrive with an older closed episode (possibly
  with a child protection plan) in their history, which is how second plans occur at the DfE rate.
* Looked-after children are also simulated from 21 years before `sim_start`, so that long-term
  looked-after children and care leavers are present at `as_at`; a child who left care before the
  window and is no longer a care leaver is never generated.
* Staff fill posts in teams sized from the open cases at `as_at` (the preset's average caseload);
  each post is a renewal process of permanent holders, vacancies and agency cover.
* Visits are generated within the window only (not during burn-in) to keep the volume sensible.
* Journeys are built so that the statutory returns written from them pass the DfE's rules (the
  rule each choice serves is named where it is made): one change of placement or legal status a
  day; a placement's URN and address kept while the carer is the same; a placement under a code
  the DfE withdraws recoded under its successor on the code's last day; placement for adoption
  with the child's foster carer (A5) made with the placement order; special guardianship only from
  a foster placement and before 18; no placement with parents under section 20; one missing
  episode at a time, back before care ends; a looked-after child always has a social worker;
  valid, unique UPNs; a CIN episode closes no earlier than its last activity.
"""

from __future__ import annotations

import gc
import math
import random
import zlib
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Final

from faker import Faker

from safeguard.core.calendar import add_working_days
from safeguard.core.codes import (
    PLACE_WITHOUT_PROVIDER,
    UPN_CHECK_LETTERS,
    codes_for,
    collection_year,
)
from safeguard.core.timescales.facts import CarePeriodRow, eligible_from
from safeguard.synth import records as r
from safeguard.synth.presets import Preset, preset_named

Progress = Callable[[str, int, int], None]

DAY: Final = timedelta(days=1)
BURN_IN_YEARS: Final = 1
LEGACY_CARE_YEARS: Final = 21


@dataclass(frozen=True, slots=True)
class _Tuning:
    """Free parameters of the flow model, fitted against the calibration figures."""

    re_refer_within_year: float = 0.26  # P(re-referral within 12 months | possible)
    anin_share: float = 0.36  # referrals assessed, found not in need
    prior_history: float = 0.17  # new children with an older closed episode
    prior_plan: float = 0.40  # children starting a first-referral plan with an older plan
    plan_to_care: float = 0.14
    s47_to_care: float = 0.05
    cin_plan_years: float = 0.44
    care_long_term: float = 0.26
    moves_per_year: float = 0.45
    in_touch_known: float = 0.92


TUNING: Final = _Tuning()


def _fit(preset: Preset) -> _Tuning:
    """Adjust the stock parameters for presets whose stocks differ from Birmingham's.

    The defaults were fitted on Birmingham. The mean stay in care grows by about 7.25 years per
    unit of the long-term share (about 1.2 years with none), measured on generated data; the extra
    children in need a preset needs beyond its looked-after and protection stocks are carried by
    longer child in need plans (about 0.35 plans started per referral).
    """
    stay = preset.looked_after / preset.cla_starting
    long_term = min(0.6, max(0.05, (stay - 1.2) / 7.25))
    extra = (preset.children_in_need - preset.looked_after - preset.cp_plans_open) - (
        318 - 79 - 57.3
    )
    cin_years = max(0.15, TUNING.cin_plan_years + extra / (0.35 * preset.referrals))
    return replace(
        TUNING,
        care_long_term=long_term,
        cin_plan_years=cin_years,
        re_refer_within_year=TUNING.re_refer_within_year * preset.re_referrals_pct / 20.7,
        prior_plan=min(1.0, TUNING.prior_plan * preset.cp_second_pct / 25.9),
    )


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _add_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    y = d.year + m // 12
    m = m % 12 + 1
    mdays = (date(y + (m == 12), m % 12 + 1, 1) - DAY).day
    return date(y, m, min(d.day, mdays))


def _age(dob: date, on: date) -> int:
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


_SOURCES: Final = (
    ("6", 28),
    ("2A", 21),
    ("3A", 3),
    ("3B", 3),
    ("3E", 3),
    ("3F", 5),
    ("1A", 6),
    ("1B", 2),
    ("1C", 1),
    ("1D", 1),
    ("2B", 2),
    ("4", 2),
    ("5A", 3),
    ("5B", 3),
    ("5C", 3),
    ("5D", 5),
    ("7", 3),
    ("8", 4),
    ("9", 1),
    ("10", 1),
)
# Placements with no Ofsted URN (DfE SSDA903 rule 218).
_NO_URN: Final = frozenset(
    {"P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"}
)
_PLACE_SUCCESSORS: Final = {"H5": "K3", "P2": "K3", "Z1": "Z11"}
# The days from which the DfE withdrew placement codes (H5, P2 and Z1 from 2025/26).
_PLACE_CODES_RETIRED: Final = (date(2025, 4, 1),)
_URN_PER_PROVIDER: Final = frozenset({"K1", "K2", "H5", "K3"})
_FOSTER_PLACEMENTS: Final = frozenset({"U1", "U2", "U3", "U4", "U5", "U6"})
# When two changes to a period of care fall on one day, the one kept (lowest first).
_CHANGE_PRIORITY: Final = {
    "adopt": 0,
    "adopt_carer": 0,
    "order": 1,
    "supported": 2,
    "legal": 3,
    "move": 4,
    "recode": 5,
}
_REFERRERS: Final = {
    "1A": "Family member",
    "1C": "Self",
    "2A": "School",
    "3A": "GP",
    "3B": "Health visitor",
    "3E": "Hospital",
    "4": "Housing officer",
    "6": "Police",
    "9": "Anonymous",
}
_ETHNICITIES: Final = (
    ("WBRI", 40),
    ("APKN", 14),
    ("BCRB", 4),
    ("BAFR", 6),
    ("MWBC", 6),
    ("AIND", 3),
    ("ABAN", 3),
    ("WOTH", 5),
    ("MOTH", 4),
    ("AOTH", 3),
    ("BOTH", 3),
    ("MWAS", 2),
    ("MWBA", 1),
    ("CHNE", 1),
    ("OOTH", 3),
    ("WIRI", 1),
    ("WROM", 1),
    ("NOBT", 1),
)
_NEEDS: Final = (
    ("N1", 58),
    ("N2", 9),
    ("N3", 3),
    ("N4", 8),
    ("N5", 13),
    ("N6", 3),
    ("N7", 1),
    ("N8", 3),
    ("N0", 2),
)
_CATEGORIES: Final = (("NEG", 50), ("EMO", 36), ("PHY", 6), ("SAB", 4), ("MUL", 4))
_FACTORS: Final = (
    "1B",
    "1C",
    "2B",
    "2C",
    "3A",
    "3B",
    "3C",
    "4A",
    "4B",
    "4C",
    "5B",
    "6B",
    "6C",
    "7A",
    "10A",
    "11A",
    "13A",
    "14A",
    "15A",
    "16A",
    "17A",
    "18B",
    "18C",
    "19B",
    "19C",
    "20",
    "21",
    "24A",
)
_DISABILITIES: Final = (
    "MOB",
    "HAND",
    "PC",
    "INC",
    "COMM",
    "LD",
    "HEAR",
    "VIS",
    "BEH",
    "CON",
    "AUT",
)
_MOVE_REASONS: Final = (
    ("CARPL", 25),
    ("PLACE", 15),
    ("CHILD", 10),
    ("LAREQ", 12),
    ("CREQB", 8),
    ("CREQO", 6),
    ("STAND", 6),
    ("ALLEG", 3),
    ("APPRR", 3),
    ("CLOSE", 4),
    ("OTHER", 8),
)
# Adopters (SSDA903 AD1): (number, genders, legal status) in combinations the DfE rules accept
# (511-524), with rough weights: a married different-sex couple, an unmarried one, a same-sex
# couple in a civil partnership or married, a single adopter.
_ADOPTERS: Final = (
    ((2, "MF", "L11"), 55),
    ((2, "MF", "L3"), 12),
    ((2, "FF", "L2"), 4),
    ((2, "MM", "L12"), 4),
    ((1, "F1", "L0"), 22),
    ((1, "M1", "L0"), 3),
)


def _cumulative(pairs: Sequence[tuple[str, int]]) -> tuple[tuple[str, ...], tuple[float, ...]]:
    total = float(sum(w for _, w in pairs))
    acc, out = 0.0, []
    for _, w in pairs:
        acc += w / total
        out.append(acc)
    out[-1] = 1.0
    return tuple(c for c, _ in pairs), tuple(out)


class _Choice:
    """A weighted choice by one uniform draw (faster than random.choices for scalars)."""

    __slots__ = ("codes", "cum")

    def __init__(self, pairs: Sequence[tuple[str, int]]) -> None:
        self.codes, self.cum = _cumulative(pairs)

    def __call__(self, rng: random.Random) -> str:
        return self.codes[bisect_right(self.cum, rng.random())]


class _Generator:
    def __init__(self, preset: Preset, years: int, seed: int, as_at: date) -> None:
        if years < 1:
            raise ValueError("years must be at least 1")
        self.p = preset
        self.t = _fit(preset)
        self.seed = seed
        self.as_at = as_at
        self.window_start = _add_years(as_at, -years) + DAY
        self.sim_start = _add_years(self.window_start, -BURN_IN_YEARS)
        self.rng = random.Random(seed)
        # A separate stream for visits and timescale records, so adding them never moves the
        # casework flows that the calibration measures.
        self.trng = random.Random(seed * 7919 + 104729)
        self.pop = preset.population
        fake = Faker("en_GB")
        fake.seed_instance(seed)
        self.first_m = [fake.first_name_male() for _ in range(400)]
        self.first_f = [fake.first_name_female() for _ in range(400)]
        self.last = [fake.last_name() for _ in range(600)]
        self.streets = [fake.street_address().replace("\n", ", ") for _ in range(800)]
        self.postcodes = [self._postcode() for _ in range(1500)]
        self.towns = ["Birmingham", "Sutton Coldfield", "Solihull", "Edgbaston", "Erdington"]
        self.source = _Choice(_SOURCES)
        self.ethnic = _Choice(_ETHNICITIES)
        self.need = _Choice(_NEEDS)
        self.category = _Choice(_CATEGORIES)
        self.move_reason = _Choice(_MOVE_REASONS)
        # Rows, by table.
        self.persons: list[r.Person] = []
        self.disabilities: list[r.PersonDisability] = []
        self.addresses: list[r.Address] = []
        self.households: list[r.Household] = []
        self.members: list[r.HouseholdMember] = []
        self.relationships: list[r.Relationship] = []
        self.contacts: list[r.Contact] = []
        self.episodes: list[r.CINEpisode] = []
        self.assessments: list[r.Assessment] = []
        self.strategies: list[r.StrategyDiscussion] = []
        self.s47s: list[r.Section47Enquiry] = []
        self.plans: list[r.ChildProtectionPlan] = []
        self.conferences: list[r.ChildProtectionConference] = []
        self.cin_plans: list[r.CINPlan] = []
        self.visits: list[tuple[int, str, date, str, str, bool, bool]] = []
        self.periods: list[r.LookedAfterPeriod] = []
        self.care_episodes: list[r.LookedAfterEpisode] = []
        self.reviews: list[r.LookedAfterReview] = []
        self.missing: list[r.MissingEpisode] = []
        self.health: list[r.HealthAssessment] = []
        self.leaver_birthdays: list[tuple[date, int, int]] = []
        self.adoptions: list[r.AdoptionMilestones] = []
        self.notes: list[tuple[int, date, str, str]] = []
        # (child, team kind, start, end) stretches of allocation, resolved to teams later.
        self.stretches: list[tuple[int, str, date, date | None]] = []
        self.child_dob: dict[int, date] = {}
        self._sequences: dict[str, float] = {}
        # The latest dated activity (assessment, plan, enquiry, conference) of each CIN episode,
        # which its closure may not precede (CIN rules 8565, 8867).
        self.activity: dict[int, date] = {}
        self.upns: set[str] = set()
        self.child_home: dict[int, str] = {}

    # ---- people -------------------------------------------------------------------------------

    def _postcode(self) -> str:
        rng = self.rng
        return f"B{rng.randint(1, 99)} {rng.randint(0, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"

    def _upn(self) -> str:
        """A unique pupil number as the DfE forms one: a check letter, the LA code (330), a
        school number, the year of issue and a serial (CIN rules 1510, 1530)."""
        body = "330" + "".join(str(self.rng.randint(0, 9)) for _ in range(9))
        while body in self.upns:  # unique (CIN rule 1520)
            body = "330" + "".join(str(self.rng.randint(0, 9)) for _ in range(9))
        self.upns.add(body)
        weighted = sum(int(digit) * weight for weight, digit in enumerate(body, start=2))
        return UPN_CHECK_LETTERS[weighted % 23] + body

    def _nhs_number(self) -> str:
        rng = self.rng
        while True:
            digits = [rng.randint(0, 9) for _ in range(9)]
            check = 11 - sum(d * (10 - i) for i, d in enumerate(digits)) % 11
            if check == 11:
                check = 0
            if check != 10:
                return "".join(map(str, digits)) + str(check)

    def _person(self, dob: date, sex: str, last: str, ethnic: str, child: bool) -> int:
        rng = self.rng
        pid = len(self.persons) + 1
        first = rng.choice(self.first_m if sex == "M" else self.first_f)
        upn = ""
        upn_unknown = ""
        if child:
            if _age(dob, self.as_at) >= 5:
                upn = self._upn()
            else:
                upn_unknown = "UN1"
        self.persons.append(
            r.Person(
                pid,
                f"{'C' if child else 'A'}{pid:08d}",
                first,
                last,
                "",
                dob,
                None,
                sex,
                "",
                ethnic,
                upn,
                "",
                upn_unknown,
                self._nhs_number(),
                None,
                False,
                None,
                False,
            )
        )
        return pid

    def _new_child(self, on: date, age: int | None = None, born: date | None = None) -> int:
        """A child and their family: parents, perhaps a sibling and an unknown adult."""
        rng = self.rng
        if age is None:
            u = rng.random()
            age = (
                rng.randint(0, 4)
                if u < 0.27
                else rng.randint(5, 9)
                if u < 0.52
                else rng.randint(10, 15)
                if u < 0.87
                else rng.randint(16, 17)
            )
        dob = born or on - timedelta(days=age * 365 + rng.randint(0, 364))
        ethnic = self.ethnic(rng)
        last = rng.choice(self.last)
        sex = "M" if rng.random() < 0.51 else "F"
        child = self._person(dob, sex, last, ethnic, True)
        self.child_dob[child] = dob
        if rng.random() < 0.08:
            codes = rng.sample(_DISABILITIES, rng.randint(1, 2))
            for code in sorted(codes):
                self.disabilities.append(
                    r.PersonDisability(len(self.disabilities) + 1, child, code)
                )
        mother_dob = dob - timedelta(days=rng.randint(18 * 365, 40 * 365))
        mother = self._person(mother_dob, "F", last, ethnic, False)
        members = [child, mother]
        rels = [(child, mother, "mother", True)]
        if rng.random() < 0.6:
            father = self._person(
                mother_dob - timedelta(days=rng.randint(-3 * 365, 8 * 365)),
                "M",
                last if rng.random() < 0.7 else rng.choice(self.last),
                ethnic,
                False,
            )
            rels.append((child, father, "father", rng.random() < 0.8))
            if rng.random() < 0.75:
                members.append(father)
        if rng.random() < 0.4:
            sib_dob = dob + timedelta(days=rng.randint(-8 * 365, 8 * 365))
            if sib_dob < on and _age(sib_dob, on) < 18:
                sib = self._person(sib_dob, "M" if rng.random() < 0.5 else "F", last, ethnic, True)
                members.append(sib)
                rels += [(child, sib, "sibling", False), (sib, child, "sibling", False)]
        hh = len(self.households) + 1
        self.households.append(r.Household(hh, f"{last} household"))
        since = max(dob, on - timedelta(days=rng.randint(90, 3000)))
        postcode = rng.choice(self.postcodes)
        street = rng.choice(self.streets)
        town = rng.choice(self.towns)
        self.child_home[child] = postcode
        for person in members:
            self.members.append(
                r.HouseholdMember(len(self.members) + 1, hh, person, False, "", since, None)
            )
            self.addresses.append(
                r.Address(
                    len(self.addresses) + 1, person, "home", street, "", town, postcode, since, None
                )
            )
        if rng.random() < 0.04:
            self.members.append(
                r.HouseholdMember(
                    len(self.members) + 1,
                    hh,
                    None,
                    True,
                    "Adult male seen at the address; identity not established",
                    on,
                    None,
                )
            )
        for a, b, kind, pr in rels:
            self.relationships.append(
                r.Relationship(len(self.relationships) + 1, a, b, kind, pr, None, None)
            )
        return child

    # ---- casework -----------------------------------------------------------------------------

    def _referral(self, child: int, on: date, nfa: bool) -> int:
        """A contact that became a referral, perhaps after an earlier contact that did not."""
        rng = self.rng
        dob = self.child_dob[child]
        if rng.random() < 0.25:
            earlier = on - timedelta(days=rng.randint(30, 300))
            if earlier >= dob:
                first_source = self.source(rng)
                self.contacts.append(
                    r.Contact(
                        len(self.contacts) + 1,
                        child,
                        earlier,
                        first_source,
                        _REFERRERS.get(first_source, ""),
                        "",
                        rng.choice(("early_help", "information", "nfa")),
                        earlier + timedelta(days=rng.randint(0, 1)),
                    )
                )
        source = self.source(rng)
        contact = len(self.contacts) + 1
        self.contacts.append(
            r.Contact(
                contact,
                child,
                max(dob, on - timedelta(days=rng.randint(0, 2))),
                source,
                _REFERRERS.get(source, ""),
                "",
                "referral",
                on,
            )
        )
        eid = len(self.episodes) + 1
        self.episodes.append(
            r.CINEpisode(
                eid, child, contact, on, source, "" if nfa else self.need(rng), nfa, None, ""
            )
        )
        return eid

    def _touch(self, eid: int, on: date) -> None:
        if on > self.activity.get(eid, on - DAY):
            self.activity[eid] = on

    def _close(self, eid: int, on: date, reason: str) -> None:
        on = max(on, self.activity.get(eid, on))
        if on > self.as_at:
            return
        self.episodes[eid - 1] = self.episodes[eid - 1]._replace(
            closure_date=on, closure_reason=reason
        )

    def _assessment(self, eid: int, start: date, outcome: str, requires: bool) -> date:
        """Add an assessment; return its authorisation date (which may be after as_at)."""
        rng = self.rng
        if rng.random() < 0.857:
            wd = min(45, max(1, round(rng.triangular(5, 45, 38))))
        else:
            wd = rng.randint(46, 85)
        end = add_working_days(start, wd)
        seen = start + timedelta(days=rng.randint(1, 10))
        k = rng.choice((0, 1, 1, 2, 2, 3))
        factors = tuple(sorted(rng.sample(_FACTORS, k))) if k else ("21",)
        if len(factors) > 1:
            # 21 means "no factors identified"; DfE rule 8869 forbids it beside any other.
            factors = tuple(f for f in factors if f != "21")
        aid = len(self.assessments) + 1
        done = end <= self.as_at
        self.assessments.append(
            r.Assessment(
                aid,
                eid,
                start,
                seen <= self.as_at if seen <= self.as_at else None,
                seen if seen <= self.as_at else None,
                end if done else None,
                factors if done else (),
                outcome if done else "",
                requires if done else None,
            )
        )
        if self.window_start <= seen <= self.as_at:
            child = self.episodes[eid - 1].child_id
            alone = (seen - self.child_dob[child]).days > 5 * 365 and rng.random() < 0.5
            self.visits.append((child, "assessment", seen, "in_person", "completed", True, alone))
        self._touch(eid, end)
        return end

    def _cin_plan(self, child: int, eid: int, start: date, years: float) -> date:
        """A child in need plan from `start` (none if that is after as_at). Returns its end."""
        rng = self.rng
        if start > self.as_at:
            return start
        end = start + timedelta(days=max(60, round(rng.expovariate(1 / (years * 365)) + 30)))
        self.cin_plans.append(
            r.CINPlan(len(self.cin_plans) + 1, eid, start, end if end <= self.as_at else None)
        )
        self._visits(child, "cin", start, end, 20)
        self.stretches.append((child, "child_in_need", start, end if end <= self.as_at else None))
        self._touch(eid, end)
        return end

    def _visits(self, child: int, kind: str, start: date, end: date, every: int) -> None:
        """Visits from `start` to `end` at the cadence the timescale rules expect.

        `every` is in working days for child protection and child in need visits (10 and 20),
        in calendar days for looked-after visits (42). Most visits are on time, some late and a
        few very late; a visit without access is tried again a few days later. Visits use their
        own random stream so that the casework flows (and their calibration) do not depend on it.
        """
        rng = self.trng
        working = kind in {"cp", "cin"}
        stop = min(end, self.as_at)
        visits = self.visits
        dob = self.child_dob[child]

        def step(prev: date, n: int) -> date:
            return add_working_days(prev, n) if working else prev + timedelta(days=n)

        def next_gap() -> int:
            u = rng.random()
            if u < 0.86:
                return every - rng.randint(0, max(1, every // 4))
            if u < 0.97:
                return every + rng.randint(1, max(2, every // 3))
            return every + rng.randint(every // 2, every)

        d = step(start, rng.randint(1, 3) if working else rng.randint(1, 7))
        d = max(d, self.window_start)
        while d <= stop:
            u = rng.random()
            outcome = "no_access" if u < 0.03 else "refused" if u < 0.04 else "completed"
            seen = outcome == "completed"
            mode = "virtual" if rng.random() < 0.05 else "in_person"
            alone = seen and (d - dob).days > 5 * 365 and rng.random() < 0.75
            visits.append((child, kind, d, mode, outcome, seen, alone))
            d = step(d, next_gap() if seen else rng.randint(2, 5))

    def _cp_plan(
        self,
        child: int,
        eid: int,
        s47: int | None,
        icpc: date,
        years: float,
        *,
        history: bool = False,
    ) -> date:
        """A plan from an ICPC on `icpc`; it ends at a review conference. Returns the end date."""
        rng = self.rng
        pid = len(self.plans) + 1
        target = icpc + timedelta(days=max(80, round(rng.gammavariate(2.2, years * 365 / 2.2))))
        reviews = []
        d = _add_months(icpc, 3) - timedelta(days=rng.randint(0, 10))
        while True:
            reviews.append(d)
            if d >= target:
                break
            d = _add_months(d, 6) - timedelta(days=rng.randint(0, 10))
        end = reviews[-1]
        cat = self.category(rng)
        latest = cat if rng.random() < 0.93 else self.category(rng)
        open_plan = end > self.as_at
        self.plans.append(
            r.ChildProtectionPlan(
                pid,
                eid,
                icpc,
                None if open_plan else end,
                cat,
                latest,
                None,
            )
        )
        self.conferences.append(
            r.ChildProtectionConference(
                len(self.conferences) + 1, eid, s47, None, "initial", icpc, True
            )
        )
        for rd in reviews:
            if rd > self.as_at:
                break
            self.conferences.append(
                r.ChildProtectionConference(
                    len(self.conferences) + 1, eid, None, pid, "review", rd, rd != end
                )
            )
        if not history:
            self._visits(child, "cp", icpc, end, 10)
            self.stretches.append((child, "child_in_need", icpc, None if open_plan else end))
        self._touch(eid, end)
        return end

    def _s47(self, eid: int, on: date, outcome: str, icpc_days: int | None) -> tuple[int, date]:
        sid = len(self.strategies) + 1
        self.strategies.append(r.StrategyDiscussion(sid, eid, on, True))
        kid = len(self.s47s) + 1
        if icpc_days is not None:
            end = add_working_days(on, icpc_days)
        else:
            end = add_working_days(on, self.rng.randint(5, 25))
        done = end <= self.as_at
        self.s47s.append(
            r.Section47Enquiry(
                kid,
                eid,
                sid,
                on,
                end if done else None,
                outcome if done else "",
                done and outcome != "icpc" and self.rng.random() < 0.6,
            )
        )
        self._touch(eid, end)
        return kid, end

    def _history(self, child: int, before: date, with_plan: bool) -> None:
        """An older closed episode (perhaps with a CP plan) ending more than a year before `before`."""
        rng = self.rng
        dob = self.child_dob[child]
        latest_end = before - timedelta(days=400)
        span = (latest_end - dob).days
        if span < 900:
            return
        end_hint = latest_end - timedelta(days=rng.randint(0, min(span - 900, 5 * 365)))
        ref = end_hint - timedelta(
            days=rng.randint(420, 700) if with_plan else rng.randint(250, 450)
        )
        eid = self._referral(child, ref, False)
        a_start = add_working_days(ref, rng.randint(0, 3))
        if with_plan:
            self._assessment(eid, a_start, "strategy", True)
            s_on = add_working_days(ref, rng.randint(0, 5))
            kid, icpc = self._s47(eid, s_on, "icpc", rng.randint(6, 15))
            end = self._cp_plan(child, eid, kid, icpc, 0.7, history=True)
            if end >= latest_end:
                end = latest_end
                # The plan ends with the episode; drop its reviews after that (they were the
                # last conferences added, so ids stay dense).
                plan_id = self.plans[-1].id
                self.plans[-1] = self.plans[-1]._replace(end_date=end)
                self.activity[eid] = min(self.activity.get(eid, end), end)
                while (
                    self.conferences[-1].plan_id == plan_id
                    and self.conferences[-1].conference_date > end
                ):
                    self.conferences.pop()
        else:
            auth = self._assessment(eid, a_start, "cin_plan", True)
            end = auth + timedelta(days=rng.randint(60, 300))
            end = min(end, latest_end)
            self.cin_plans.append(r.CINPlan(len(self.cin_plans) + 1, eid, auth, end))
        self._close(eid, end, "RC7")

    def _journey(self, child: int, ref: date, first: bool) -> None:
        """One referral and everything that follows it; may recurse into a re-referral."""
        rng, t, p = self.rng, self.t, self.p
        dob = self.child_dob[child]
        u = rng.random()
        nfa_p = p.nfa_pct / 100
        s47_p = p.section47s / p.referrals
        if u < nfa_p:
            path = "nfa"
        elif u < nfa_p + t.anin_share:
            path = "anin"
        elif u < nfa_p + t.anin_share + s47_p:
            path = "s47"
        else:
            path = "cin"
        # Children who become looked after without a section 47 enquiry (mostly accommodated).
        direct_care = path == "cin" and rng.random() < self._direct_care_p
        if first and rng.random() < t.prior_history:
            self._history(child, ref, False)
        eid = self._referral(child, ref, path == "nfa")
        if path == "nfa":
            self._close(eid, ref + timedelta(days=rng.randint(0, 2)), "RC8")
            closed = ref
        else:
            a_start = add_working_days(ref, rng.randint(0, 3))
            self.stretches.append((child, "assessment", ref, None))
            stretch = len(self.stretches) - 1
            if path == "anin":
                auth = self._assessment(
                    eid, a_start, "nfa" if rng.random() < 0.6 else "early_help", False
                )
                closed = auth + timedelta(days=rng.randint(0, 5))
                self._close(eid, closed, "RC8" if rng.random() < 0.6 else "RC9")
                self._end_stretch(stretch, closed)
            elif path == "cin":
                auth = self._assessment(
                    eid, a_start, "looked_after" if direct_care else "cin_plan", True
                )
                self._end_stretch(stretch, auth)
                if direct_care:
                    care_start = min(auth, add_working_days(a_start, rng.randint(1, 15)))
                    self._end_stretch(stretch, care_start)
                    closed = self._care(child, eid, care_start, voluntary=True)
                else:
                    closed = self._cin_plan(child, eid, auth, t.cin_plan_years)
                    self._close(eid, closed, "RC7")
            else:
                s_on = add_working_days(ref, rng.randint(0, 5))
                auth = self._assessment(eid, a_start, "strategy", True)
                if rng.random() < t.s47_to_care:
                    kid, s_end = self._s47(eid, s_on, "cin", None)
                    self._end_stretch(stretch, s_on + timedelta(days=rng.randint(0, 3)))
                    closed = self._care(
                        child, eid, self.stretches[stretch][3] or s_on, voluntary=False
                    )
                elif rng.random() < p.icpcs / p.section47s / (1 - t.s47_to_care):
                    icpc_days = (
                        rng.randint(5, 15)
                        if rng.random() < p.icpc_15_days_pct / 100
                        else rng.randint(16, 30)
                    )
                    kid, icpc = self._s47(eid, s_on, "icpc", icpc_days)
                    self._end_stretch(stretch, icpc)
                    if icpc > self.as_at:
                        return
                    if rng.random() < p.cp_plans_starting / p.icpcs:
                        if first and rng.random() < t.prior_plan:
                            self._history(child, ref, True)
                        # Plans end at the review after their intended length, so aim short.
                        years = max(0.3, p.cp_plans_open / p.cp_plans_starting * 0.79)
                        end = self._cp_plan(child, eid, kid, icpc, years)
                        if end > self.as_at:
                            return
                        v = rng.random()
                        if v < t.plan_to_care:
                            closed = self._care(child, eid, end, voluntary=False)
                        elif v < t.plan_to_care + 0.55:
                            closed = self._cin_plan(child, eid, end, t.cin_plan_years * 0.8)
                            self._close(eid, closed, "RC7")
                        else:
                            closed = end
                            self._close(eid, closed, "RC7")
                    else:
                        self.conferences.append(
                            r.ChildProtectionConference(
                                len(self.conferences) + 1, eid, kid, None, "initial", icpc, False
                            )
                        )
                        closed = self._cin_plan(child, eid, icpc, t.cin_plan_years)
                        self._close(eid, closed, "RC7")
                else:
                    outcome = "cin" if rng.random() < 0.55 else "nfa"
                    kid, s_end = self._s47(eid, s_on, outcome, None)
                    after = max(s_end, auth)
                    self._end_stretch(stretch, after)
                    if outcome == "cin":
                        closed = self._cin_plan(child, eid, after, t.cin_plan_years)
                    else:
                        closed = after + timedelta(days=rng.randint(0, 10))
                    self._close(eid, closed, "RC7")
        closure = self.episodes[eid - 1].closure_date
        if closed >= self.as_at or closure is None:
            return
        closed = max(closed, closure)
        if self.persons[child - 1].death_date is not None or _age(dob, closed) >= 17:
            return
        # Re-referral within twelve months of this referral, when there is room for one.
        last = _add_months(ref, 12) - DAY
        if closed + timedelta(days=7) < last and rng.random() < t.re_refer_within_year:
            nxt = closed + timedelta(days=rng.randint(7, (last - closed).days))
            if nxt <= self.as_at:
                self._journey(child, nxt, False)

    def _end_stretch(self, index: int, on: date) -> None:
        c, k, s, _ = self.stretches[index]
        self.stretches[index] = (c, k, s, on if on <= self.as_at else None)

    # ---- looked after -------------------------------------------------------------------------

    def _place(self, age: int, on: date) -> tuple[str, str]:
        """A placement type and provider fit for the child's age, valid in that year."""
        rng = self.rng
        year = collection_year(on)
        u = rng.random()
        if age >= 5 and rng.random() < self._other_share:
            place = (
                "S1"
                if u < 0.4
                else "R1"
                if u < 0.6
                else "Z1"
                if codes_for("PLACE", year).get("Z1") is not None
                else "Z11"
            )
            return place, "" if place.startswith("Z1") and place != "Z1" else "PR5"
        if age < 10:
            place = (
                "U4"
                if u < 0.35
                else "U6"
                if u < 0.62
                else "U1"
                if u < 0.74
                else "U3"
                if u < 0.82
                else "P1"
                if u < 0.9
                else "K2"
                if u < 0.93
                else "R3"
                if (u < 0.95 and age < 1)
                else "U5"
            )
        elif age < 16:
            place = (
                "U4"
                if u < 0.3
                else "U6"
                if u < 0.5
                else "U1"
                if u < 0.58
                else "U3"
                if u < 0.61
                else "K2"
                if u < 0.83
                else "K1"
                if u < 0.845
                else "P1"
                if u < 0.9
                else "S1"
                if u < 0.93
                else "R1"
                if u < 0.95
                else "Z1"
            )
        else:
            place = (
                "U4"
                if u < 0.2
                else "U6"
                if u < 0.35
                else "U1"
                if u < 0.4
                else "K2"
                if u < 0.5
                else "H5"
                if u < 0.9
                else "P1"
                if u < 0.93
                else "R5"
                if u < 0.95
                else "Z1"
            )
        valid = codes_for("PLACE", year)
        if place not in valid:
            place = _PLACE_SUCCESSORS.get(place, "U6")
        if place == "P1":
            provider = "PR0"
        elif place in {"U1", "U2", "U3"}:
            provider = "PR1"
        elif place in {"U4", "U5", "U6"}:
            provider = "PR1" if u < 0.6 else "PR4"
        elif place in {"K1", "K2", "H5", "K3", "P2"}:
            provider = "PR4" if rng.random() < 0.75 else "PR1"
        elif place in {"Z11", "Z12", "Z13", "Z14", "T0", "T1", "T2", "T3"}:
            provider = ""
        else:
            provider = "PR3" if place in {"R1", "R2", "R5"} else "PR5"
        return place, provider

    def _exit_plan(self, age: int, start: date, dob: date) -> tuple[str, date]:
        """How and when a period of care that starts at `age` on `start` will end."""
        rng, t = self.rng, self.t
        eighteen = _add_years(dob, 18)
        u = rng.random()
        if age < 5 and u < 0.35:
            plan, length = "adoption", rng.gauss(720, 150)
        elif u < 0.5 - t.care_long_term / 2 + (0.25 if age >= 14 else 0):
            plan, length = "home", rng.expovariate(1 / 200) + 10
        elif u < 1 - t.care_long_term:
            plan, length = "sgo", rng.gauss(600, 200)
        else:
            plan, length = "long", float((eighteen - start).days)
        return plan, min(start + timedelta(days=max(14, round(length))), eighteen)

    def _care(
        self,
        child: int,
        eid: int | None,
        start: date,
        *,
        voluntary: bool,
        exit_plan: tuple[str, date] | None = None,
    ) -> date:
        """A period of care from `start`; closes the CIN episode when care ends. Returns the end."""
        rng, t = self.rng, self.t
        dob = self.child_dob[child]
        age = _age(dob, start)
        if start > self.as_at:
            return start
        if start >= _add_years(dob, 18) - timedelta(days=30):
            # Too close to 18 to come into care: services cease instead.
            if eid is not None:
                self._close(eid, start, "RC7")
            return start
        plan, end = exit_plan if exit_plan is not None else self._exit_plan(age, start, dob)
        if end <= start:
            end = start + DAY
        if eid is None:
            eid = self._referral(child, max(dob, start - timedelta(days=rng.randint(0, 30))), False)
            self._assessment(
                eid, add_working_days(self.episodes[eid - 1].referral_date, 1), "looked_after", True
            )
        per = len(self.periods) + 1
        open_end = end > self.as_at
        self.periods.append(r.LookedAfterPeriod(per, child, start, None if open_end else end))
        # Change points: (date, kind)
        changes: list[tuple[date, str]] = []
        years = (min(end, self.as_at) - start).days / 365.25
        rate = t.moves_per_year * (1.6 if age >= 11 else 1.0)
        n_moves = self._poisson(rate * years)
        for _ in range(n_moves):
            changes.append(
                (
                    start
                    + timedelta(days=rng.randint(20, max(21, (min(end, self.as_at) - start).days))),
                    "move",
                )
            )
        ls = "V2" if voluntary else ("L2" if rng.random() < 0.15 else "C1")
        if ls in {"L2", "C1"}:
            changes.append(
                (
                    start
                    + timedelta(days=rng.randint(5, 8) if ls == "L2" else rng.randint(120, 330)),
                    "legal",
                )
            )
        sixteen = _add_years(dob, 16) + timedelta(days=rng.randint(0, 300))
        if plan == "long" and start < sixteen < end and rng.random() < 0.7:
            changes.append((sixteen, "supported"))
        adoption: list[date] = []
        if plan == "adoption" and rng.random() < 0.1:
            # The decision to place for adoption is later reversed; the child stays in care.
            decision = start + timedelta(days=rng.randint(150, 260))
            reversed_on = decision + timedelta(days=rng.randint(90, 250))
            plan = "long"
            end = _add_years(dob, 18)
            open_end = end > self.as_at
            self.periods[-1] = self.periods[-1]._replace(end_date=None if open_end else end)
            if decision <= self.as_at:
                self.adoptions.append(
                    r.AdoptionMilestones(
                        len(self.adoptions) + 1,
                        child,
                        decision,
                        None,
                        None,
                        None,
                        None,
                        reversed_on if reversed_on <= self.as_at else None,
                        rng.choice(("RD1", "RD2", "RD3", "RD4"))
                        if reversed_on <= self.as_at
                        else "",
                    )
                )
        elif plan == "adoption":
            decision = start + timedelta(days=rng.randint(150, 260))
            order = decision + timedelta(days=rng.randint(40, 120))
            matched = order + timedelta(days=rng.randint(60, 200))
            placed = matched + timedelta(days=rng.randint(10, 40))
            adopted = placed + timedelta(days=rng.randint(200, 420))
            if (adopted.month, adopted.day) == (3, 31):
                adopted += DAY  # see the note on 31 March below
            end = min(adopted, end if end > adopted else adopted)
            open_end = end > self.as_at
            self.periods[-1] = self.periods[-1]._replace(end_date=None if open_end else end)
            # Placed with the foster carer who has been looking after the child (A5): the
            # placement order is made as the child is placed, so the episode changes legal status
            # and placement type with the same carer (RNE U; DfE rules 217, 408).
            with_carer = rng.random() < 0.2
            if with_carer:
                order = placed
            adoption = [decision, order, matched, placed, adopted]
            if not with_carer:
                changes.append((order, "order"))
            changes.append((placed, "adopt_carer" if with_carer else "adopt"))
            # No change of legal status after the placement order (it stays E1), nothing after
            # the adoption placement but the adoption.
            changes = [
                c
                for c in changes
                if (c[0] < placed or c[1].startswith("adopt")) and (c[1] != "legal" or c[0] < order)
            ]
        if (end.month, end.day) == (3, 31) and end > start + DAY:
            # Care that ends on 31 March counts in the SSDA903 rules both as looked after at 31
            # March (the OC2 cohort) and as ending in the year (AD1, OC3; rule 187): the
            # generator ends it a day earlier rather than straddle the two.
            end -= DAY
            if not open_end:
                self.periods[-1] = self.periods[-1]._replace(end_date=end)
        for retired_on in _PLACE_CODES_RETIRED:
            # A placement under a code the DfE withdraws is recorded under its successor from
            # the last day of the final year the code was valid, so no episode in the new year
            # carries it (DfE rule 146).
            changes.append((retired_on - DAY, "recode"))
        changes = sorted(
            (c for c in changes if start < c[0] < end and c[0] <= self.as_at),
            key=lambda c: (c[0], _CHANGE_PRIORITY[c[1]]),
        )
        # One change a day, the weightiest: an episode lasts at least a day (DfE rule 355).
        changes = [c for i, c in enumerate(changes) if i == 0 or c[0] != changes[i - 1][0]]
        place, provider = self._place(age, start)
        home = self.child_home.get(child, rng.choice(self.postcodes))
        cat = self.episodes[eid - 1].primary_need or "N1"
        if cat in {"N0", "N9"}:
            cat = "N1"
        if ls == "V2" and place == "P1":
            # Placed with parents is not a placement under a single period of accommodation
            # under section 20 (DfE rule 378).
            place, provider = "U6", "PR1"
        state = {
            "ls": ls,
            "place": place,
            "provider": provider,
            "post": self._placement_postcode(home, place),
            "urn": self._urn(place),
        }
        ep_start, rne = start, "S"
        eps: list[list[object]] = []
        reason_change = ""
        for when, kind in changes:
            next_year = collection_year(when + DAY)
            if kind == "recode" and state["place"] in codes_for("PLACE", next_year):
                continue
            eps.append([ep_start, rne, dict(state), when, "X1", reason_change])
            reason_change = ""
            before = dict(state)
            if kind == "move":
                place, provider = self._place(_age(dob, when), when)
                if state["place"] in {"H5", "K3"} and place not in {"H5", "K3"}:
                    # Supported accommodation is not left for a placement for younger children.
                    place, provider = state["place"], "PR4"
                if state["ls"] == "V2" and place == "P1":
                    place, provider = "U6", "PR1"
                state.update(place=place, provider=provider)
                rne, reason_change = "P", self.move_reason(rng)
            elif kind == "legal":
                state["ls"] = "C1" if state["ls"] == "L2" else "C2"
                rne = "L"
            elif kind == "order":
                state["ls"] = "E1"
                rne = "L"
            elif kind == "adopt_carer" and state["place"] in _FOSTER_PLACEMENTS:
                state.update(ls="E1", place="A5", provider="PR1")
                rne, reason_change = "U", "APPRR"
            elif kind == "adopt_carer":
                # Not fostered just before (DfE rule 336): placed with new carers as the
                # placement order is made.
                state.update(ls="E1", place="A6", provider="PR1")
                rne, reason_change = "B", "APPRR"
            elif kind == "adopt":
                state.update(place="A6", provider="PR1")
                rne, reason_change = "P", "APPRR"
            elif kind == "recode":
                rne, reason_change = "T", "OTHER"
            else:  # supported accommodation at 16+
                place = "H5" if collection_year(when) < "2025/26" else "K3"
                state.update(place=place, provider="PR4")
                rne, reason_change = "P", "CHILD"
            if state["place"] not in codes_for("PLACE", next_year):
                # A code withdrawn since the placement began (H5, P2, Z1 from 2025/26) is
                # recorded in the new episode under its successor.
                successor = _PLACE_SUCCESSORS[str(state["place"])]
                state["place"] = successor
                if successor in PLACE_WITHOUT_PROVIDER:
                    state["provider"] = ""
                elif not state["provider"]:
                    state["provider"] = "PR4" if successor == "K3" else "PR5"
                if rne == "L":
                    # Legal status and placement type change together, same carer.
                    rne = "U"
            if kind in {"move", "adopt", "supported"} or rne == "B":
                # A new placement: a new address and registered provider.
                state["post"] = self._placement_postcode(
                    home, str(state["place"]), str(before["post"])
                )
                state["urn"] = self._urn(str(state["place"]))
            elif state["place"] != before["place"]:
                # The same carer under another placement type: same address, the URN the new
                # type needs.
                state["urn"] = self._urn(str(state["place"]), str(before["urn"]))
            ep_start = when
        if plan == "sgo" and end >= _add_years(dob, 18):
            # An order made for an 18-year-old is not a special guardianship order (DfE rule
            # 407): the young person leaves care as an adult.
            plan = "long"
        if not open_end and rng.random() < 0.002:
            plan, rec = "died", "E2"
            self.persons[child - 1] = self.persons[child - 1]._replace(death_date=end)
        elif plan == "adoption":
            rec = "E11" if rng.random() < 0.7 else "E12"
        elif plan == "sgo":
            rec = "E45" if rng.random() < 0.5 else "E46" if rng.random() < 0.8 else "E41"
            if rec != "E41" and state["place"] not in _FOSTER_PLACEMENTS:
                # Special guardianship by former foster carers needs a foster placement
                # (DfE rule 516); from any other placement the order is a child arrangements one.
                rec = "E41"
        elif plan == "home":
            rec = "E4A" if rng.random() < 0.7 else "E13"
        else:
            rec = (
                "E17"
                if state["place"] in {"U1", "U4", "U3", "U6"} and rng.random() < 0.35
                else "E48"
                if rng.random() < 0.6
                else "E47"
            )
        eps.append(
            [
                ep_start,
                rne,
                dict(state),
                None if open_end else end,
                "" if open_end else rec,
                reason_change,
            ]
        )
        for e_start, e_rne, st, e_end, e_rec, e_reason in eps:
            assert isinstance(st, dict) and isinstance(e_start, date)
            placement = str(st["place"])
            urn = str(st["urn"])
            self.care_episodes.append(
                r.LookedAfterEpisode(
                    len(self.care_episodes) + 1,
                    per,
                    child,
                    e_start,
                    str(e_rne),
                    str(st["ls"]),
                    cat,
                    placement,
                    str(st["provider"]),
                    home,
                    str(st["post"]),
                    urn,
                    e_end if isinstance(e_end, date) else None,
                    str(e_rec),
                    str(e_reason),
                )
            )
        if adoption:
            known = [d if d <= self.as_at else None for d in adoption]
            self.adoptions.append(
                r.AdoptionMilestones(
                    len(self.adoptions) + 1,
                    child,
                    known[0],
                    known[1],
                    known[2],
                    known[3],
                    known[4],
                    None,
                    "",
                )
            )
        self._care_extras(child, per, start, end, dob)
        self.stretches.append((child, "children_in_care", start, None if open_end else end))
        if not open_end:
            closure = {
                "E11": "RC1",
                "E12": "RC1",
                "E45": "RC4",
                "E46": "RC4",
                "E41": "RC3",
                "E2": "RC2",
            }.get(rec, "RC7")
            self._close(eid, end, closure)
            # A relevant or former relevant child: looked after for 13 weeks since 14, and
            # at some time since 16 (SSDA903 rule 1001).
            since_14 = (end - max(start, _add_years(dob, 14))).days
            if plan in {"long", "home"} and since_14 >= 91 and end > _add_years(dob, 16):
                self._care_leaver(child, end, dob)
        return end

    def _placement_postcode(self, home: str, place: str, previous: str = "") -> str:
        """A placement's postcode: never the child's home unless placed with parents (DfE rule
        392d), never the last placement's (a move is to another address; rule 435)."""
        post = self.rng.choice(self.postcodes)
        while (post == home and place != "P1") or post == previous:
            post = self.rng.choice(self.postcodes)
        return post

    def _urn(self, place: str, previous: str = "") -> str:
        """The Ofsted URN a placement needs (DfE rule 218): none for placements without one, the
        provider's own for homes and supported accommodation (kept while the carer is the same),
        else the registered service's (fostering, adoption), derived rather than drawn."""
        if place in _NO_URN:
            return ""
        if place in _URN_PER_PROVIDER:
            return previous or f"SC{self.rng.randint(100000, 999999)}"
        return f"SC9{zlib.crc32(place.encode()) % 100000:05d}"

    def _spread(self, key: str) -> float:
        """The next of a low-discrepancy sequence of uniforms (golden-ratio steps from a random start).

        Used where a small cohort would otherwise let chance move a percentage by several points.
        """
        value = (self._sequences.get(key, self.rng.random()) + 0.6180339887498949) % 1.0
        self._sequences[key] = value
        return value

    def _poisson(self, lam: float) -> int:
        rng = self.rng
        if lam <= 0:
            return 0
        threshold, k, prod = math.exp(-lam), 0, rng.random()
        while prod > threshold:
            k += 1
            prod *= rng.random()
        return k

    def _care_extras(self, child: int, per: int, start: date, end: date, dob: date) -> None:
        """Reviews, health assessments, missing episodes and visits during a period of care."""
        rng = self.rng
        stop = min(end, self.as_at)
        d = add_working_days(start, rng.randint(10, 20))
        n = 0
        while d < stop:
            age = _age(dob, d)
            code = "PN0" if age < 4 else f"PN{rng.choice((1, 1, 1, 2, 3, 4, 5, 6, 7))}"
            self.reviews.append(r.LookedAfterReview(len(self.reviews) + 1, child, per, d, code))
            n += 1
            d = _add_months(d, 3 if n == 1 else 6) - timedelta(days=rng.randint(0, 14))
        d = add_working_days(start, rng.randint(5, 25))
        kind = "initial"
        while d < stop:
            self.health.append(r.HealthAssessment(len(self.health) + 1, child, kind, d))
            dental = d + timedelta(days=rng.randint(10, 60))
            if dental < stop and _age(dob, d) >= 1:
                self.health.append(
                    r.HealthAssessment(len(self.health) + 1, child, "dental", dental)
                )
            kind = "review"
            d += timedelta(days=(182 if _age(dob, d) < 5 else 365) - rng.randint(0, 30))
        # Missing and absent episodes, for older children, only within the simulation.
        s = max(start, self.sim_start, _add_years(dob, 11))
        first_missing = len(self.missing)
        if s < stop and rng.random() < 0.25:
            for _ in range(1 + self._poisson(2.0)):
                m_start = s + timedelta(days=rng.randint(0, (stop - s).days))
                m_end = m_start + timedelta(days=rng.randint(0, 4))
                kind_m = "M" if rng.random() < 0.7 else "A"
                year_end = date(m_start.year + (m_start.month >= 4), 3, 31)
                if m_end > year_end:
                    # Back by the year's end: a period open across 31 March is carried into the
                    # next return, where rule 581 cannot see the episode it began in.
                    m_end = year_end
                if end <= self.as_at and m_end >= end:
                    # Back before care ended: a child missing when care ends leaves care as E8
                    # (DfE rule 580).
                    m_end = end - DAY
                if m_end < m_start or any(
                    m.child_id == child
                    and m.start_date <= m_end
                    and (m.end_date is None or m.end_date >= m_start)
                    for m in self.missing[first_missing:]
                ):
                    continue  # one missing or away episode at a time (DfE rule 574)
                offered = kind_m == "M" and m_end <= stop
                self.missing.append(
                    r.MissingEpisode(
                        len(self.missing) + 1,
                        child,
                        kind_m,
                        m_start,
                        m_end if m_end <= self.as_at else None,
                        offered if kind_m == "M" else None,
                        (rng.random() < 0.6) if offered else None,
                    )
                )
        self._visits(child, "cla", start, end, 42)

    def _care_leaver(self, child: int, left: date, dob: date) -> None:
        """OC3-style records around each birthday from 17 to 21 after leaving care at 16+."""
        _rng, _p = self.rng, self.p
        eighteen = _add_years(dob, 18)
        pa_start = max(left, eighteen) if left < eighteen else left
        pa_end = _add_years(dob, 21)
        if pa_start <= self.as_at:
            self.stretches.append(
                (child, "care_leavers", pa_start, pa_end if pa_end <= self.as_at else None)
            )
        for age in range(17, 22):
            birthday = _add_years(dob, age)
            if birthday > self.as_at:
                break
            if age <= 18 and not left < birthday:
                continue
            if birthday <= left:
                continue
            self.leaver_birthdays.append((birthday, child, age))

    def _leaver_record(
        self, child: int, birthday: date, age: int
    ) -> tuple[int, date, str, str, str, str, bool | None, date | None, date | None]:
        """What a care leaver is doing around one birthday.

        Called in birthday order so that the low-discrepancy draws hold the rates within each year.
        """
        rng, p, t = self.rng, self.p, self.t
        u = self._spread("in_touch")
        known_p = t.in_touch_known + (1 - t.in_touch_known - 0.06)
        in_touch = (
            "YES"
            if u < t.in_touch_known
            else "NO"
            if u < t.in_touch_known + 0.04
            else "REFU"
            if u < t.in_touch_known + 0.06
            else "NREQ"
        )
        eet_target = (p.leavers_eet_pct if age >= 19 else 64.0) / 100
        suit_target = (p.leavers_suitable_pct if age >= 19 else 91.0) / 100
        known = in_touch in {"YES", "NREQ"}
        suitable: bool | None = None
        if known:
            eet = self._spread(f"eet{age >= 19}") < min(1.0, eet_target / known_p)
            activity = rng.choice(
                ("F1", "P1", "F2", "P2", "F4", "F5", "P5") if eet else ("G4", "G5", "G6")
            )
            suitable = self._spread(f"suitable{age >= 19}") < min(1.0, suit_target / known_p)
            letters: tuple[str, ...] = (
                ("B", "C", "D", "E", "K", "T", "U", "V", "W", "Y", "Z")
                if suitable
                else ("B", "C", "D", "E", "K", "S", "T", "U", "V", "W", "X", "Y", "Z")
            )
            if age <= 18:
                # A Foyer (T) is not for under-18s (DfE rule 347), nor is staying with former
                # foster carers (Z) reported at 17 (rule 3001).
                letters = tuple(
                    letter for letter in letters if letter != "T" and (age > 17 or letter != "Z")
                )
            accom = rng.choice(letters) + ("1" if suitable else "2")
        else:
            activity, accom = "0", "0"
        contact = birthday - timedelta(days=rng.randint(0, 60))
        return (
            child,
            birthday,
            "former_relevant" if age >= 18 else "relevant",
            in_touch,
            activity,
            accom,
            suitable,
            contact if known else None,
            birthday - timedelta(days=rng.randint(0, 150)),
        )

    # ---- the whole authority ------------------------------------------------------------------

    def run(self, progress: Progress | None) -> r.SynthAuthority:
        rng, p, t = self.rng, self.p, self.t
        # Care entries without a section 47 enquiry top the S47 routes up to the DfE start rate.
        per_10k_s47_care = p.section47s * t.s47_to_care + p.cp_plans_starting * t.plan_to_care
        cin_share = 1 - p.nfa_pct / 100 - t.anin_share - p.section47s / p.referrals
        # About 4% of intended starts are lost (too near 18, or a second start for one child).
        self._direct_care_p = max(
            0.0, (p.cla_starting * 1.04 - per_10k_s47_care) / (p.referrals * cin_share)
        )
        named = (
            p.foster_pct
            + p.childrens_homes_pct
            + p.supported_pct
            + p.with_parents_pct
            + p.adoption_pct
        )
        self._other_share = max(0.0, 100 - named - 2.5) / 100
        per_year_new = p.referrals * (1 - p.re_referrals_pct / 100) * self.pop / 10_000
        # 1. Children in care since before the simulation began.
        legacy_start = _add_years(self.sim_start, -LEGACY_CARE_YEARS)
        legacy_rate = p.cla_starting * self.pop / 10_000 / 365.25
        clock = 0.0
        total_days = (self.sim_start - legacy_start).days
        done = 0
        while True:
            clock += rng.expovariate(legacy_rate)
            if clock >= total_days:
                break
            d = legacy_start + timedelta(days=int(clock))
            done += 1
            self._legacy_care(d)
            if progress and done % 500 == 0:
                progress(
                    "looked-after children before the window", (d - legacy_start).days, total_days
                )
        # 2. Casework flows through the burn-in and the window.
        rate = per_year_new / 365.25
        clock = 0.0
        span = (self.as_at - self.sim_start).days
        n = 0
        while True:
            clock += rng.expovariate(rate)
            if clock >= span + 1:
                break
            d = self.sim_start + timedelta(days=int(clock))
            child = self._new_child(d)
            self._journey(child, d, True)
            n += 1
            if progress and n % 2000 == 0:
                progress("children's journeys", (d - self.sim_start).days, span)
        if progress:
            progress("children's journeys", span, span)
        return self._finish(progress)

    def _legacy_care(self, start: date) -> None:
        """A child who came into care at `start`, before the simulation; kept only if still relevant."""
        rng = self.rng
        u = rng.random()
        age = (
            0
            if u < 0.19
            else rng.randint(1, 4)
            if u < 0.33
            else rng.randint(5, 9)
            if u < 0.48
            else rng.randint(10, 15)
            if u < 0.83
            else rng.randint(16, 17)
        )
        dob = start - timedelta(days=age * 365 + rng.randint(0, 364))
        plan, end = self._exit_plan(age, start, dob)
        # Keep only children still in care at sim_start, or care leavers who are under 22 then.
        leaver = plan in {"long", "home"} and _age(dob, end) >= 16
        if end < self.sim_start and not (leaver and _add_years(dob, 22) > self.sim_start):
            return
        child = self._new_child(start, age, dob)
        self._care(
            child, None, start, voluntary=age >= 14 and rng.random() < 0.5, exit_plan=(plan, end)
        )

    def _finish(self, progress: Progress | None) -> r.SynthAuthority:
        rng, p = self.rng, self.p
        if progress:
            progress("workforce", 0, 1)
        areas = [
            r.ServiceArea(1, "Front door and assessment"),
            r.ServiceArea(2, "Children in need and protection"),
            r.ServiceArea(3, "Children in care and care leavers"),
            r.ServiceArea(4, "Quality and reviewing"),
        ]
        # Open cases at as_at, by kind of team, size the teams.
        open_by_kind: dict[str, int] = {}
        for _c, kind, s, e in self.stretches:
            if s <= self.as_at and e is None:
                open_by_kind[kind] = open_by_kind.get(kind, 0) + 1
        filled = 1 - p.vacancy_pct / 100 + p.vacancy_pct / 100 * self._agency_cover()
        kinds = (
            ("front_door", 1, "Front door (MASH)"),
            ("assessment", 1, "Assessment"),
            ("child_in_need", 2, "Child in need and protection"),
            ("children_in_care", 3, "Children in care"),
            ("care_leavers", 3, "Care leavers"),
            ("disabled_children", 2, "Disabled children"),
            ("reviewing", 4, "Independent reviewing"),
        )
        teams: list[r.Team] = []
        team_posts: dict[int, list[float]] = {}
        teams_by_kind: dict[str, list[int]] = {}
        for kind, area, label in kinds:
            cases = open_by_kind.get(kind, 0)
            if kind == "child_in_need":
                dis = round(cases * 0.08)
                open_by_kind["disabled_children"] = dis
                cases -= dis
            if kind in {"front_door", "reviewing", "care_leavers"}:
                # Not case-holding social work teams: size by population instead.
                posts = max(2.0, self.pop / 10_000 * (0.8 if kind == "front_door" else 0.6))
                if kind == "care_leavers":
                    posts = max(2.0, open_by_kind.get(kind, 0) / 22)
            else:
                cases = open_by_kind.get(kind, 0) if kind == "disabled_children" else cases
                # Case holders needed for the preset's caseload; each team adds its manager.
                posts = cases * 1.03 / p.caseload / filled
            n_teams = max(1, round(posts / 6))
            for i in range(n_teams):
                tid = len(teams) + 1
                name = f"{label} {i + 1}" if n_teams > 1 else label
                est = posts / n_teams + (1 if kind not in {"front_door"} else 0)
                # Whole posts, a few of them part-time; the establishment is their sum.
                ftes = [
                    1.0 if rng.random() < 0.88 else rng.choice((0.6, 0.8))
                    for _ in range(max(2, round(est)))
                ]
                teams.append(r.Team(tid, name, area, kind, Decimal(f"{sum(ftes):.2f}")))
                team_posts[tid] = ftes
                teams_by_kind.setdefault(kind, []).append(tid)
        staff = self._staff(teams, team_posts)
        allocations, visit_worker = self._allocate(teams_by_kind, staff)
        core_groups, peps, school_rows, alert_cases = self._timescale_extras()
        pathway = self._pathway_reviews()
        if progress:
            progress("workforce", 1, 1)
        visits = tuple(
            r.Visit(i, c, k, d, m, o, s, a, visit_worker(c, d), "")
            for i, (c, k, d, m, o, s, a) in enumerate(
                sorted(self.visits, key=lambda v: (v[0], v[2])), 1
            )
        )
        # A young person back in care after their 17th or 18th birthday who then leaves it
        # again (or is still there) is not reported as a care leaver on that birthday (SSDA903
        # rules 1007, 1016).
        care_ends: dict[int, list[date | None]] = {}
        for period in self.periods:
            care_ends.setdefault(period.child_id, []).append(period.end_date)
        birthdays = [
            (b, c, age)
            for b, c, age in sorted(self.leaver_birthdays)
            if age > 18 or all(end is not None and end < b for end in care_ends.get(c, ()))
        ]
        leavers = tuple(
            r.CareLeaverRecord(i, c, on, el, it, ac, acc, suit, lc, pp, visit_worker(c, on))
            for i, (c, on, el, it, ac, acc, suit, lc, pp) in enumerate(
                (self._leaver_record(c, b, age) for b, c, age in birthdays), 1
            )
        )
        notes: list[r.CaseNote] = []
        for episode in self.episodes:
            if rng.random() < 0.15:
                author = visit_worker(episode.child_id, episode.referral_date)
                notes.append(
                    r.CaseNote(
                        len(notes) + 1,
                        episode.child_id,
                        episode.referral_date,
                        "Referral received",
                        "Referral received and read. Concerns discussed with the referrer; "
                        "next steps agreed with the team manager.",
                        author,
                    )
                )
        return r.SynthAuthority(
            preset=p.name,
            seed=self.seed,
            as_at=self.as_at,
            window_start=self.window_start,
            population=self.pop,
            service_areas=tuple(areas),
            teams=tuple(teams),
            staff=tuple(staff),
            persons=tuple(self.persons),
            disabilities=tuple(self.disabilities),
            addresses=tuple(self.addresses),
            households=tuple(self.households),
            household_members=tuple(self.members),
            relationships=tuple(self.relationships),
            contacts=tuple(self.contacts),
            cin_episodes=tuple(self.episodes),
            assessments=tuple(self.assessments),
            strategy_discussions=tuple(self.strategies),
            section47s=tuple(self.s47s),
            cp_plans=tuple(self.plans),
            conferences=tuple(self.conferences),
            cin_plans=tuple(self.cin_plans),
            visits=visits,
            care_periods=tuple(self.periods),
            care_episodes=tuple(self.care_episodes),
            care_reviews=tuple(self.reviews),
            missing_episodes=tuple(self.missing),
            health_assessments=tuple(self.health),
            care_leaver_records=leavers,
            care_outcomes=tuple(self._care_outcomes()),
            adoptions=tuple(self._with_adopters()),
            case_notes=tuple(notes),
            allocations=tuple(allocations),
            core_groups=tuple(core_groups),
            peps=tuple(peps),
            pathway_reviews=tuple(pathway),
            school_reports=tuple(school_rows),
            supervisions=tuple(self._supervisions(staff)),
            needs_assessments=tuple(self._needs_assessments()),
            alert_cases=tuple(alert_cases),
        )

    # ---- timescale records and the children built for the gap alerts ------------------------

    def _care_outcomes(self) -> list[r.CareOutcomes]:
        """Each year's outcomes (SSDA903 OC2) for the children looked after all that year.

        For every collection year ending in the window, and the year before (last year's
        return), a child whose period of care spans 1 April to 31 March gets a record, answered
        as the DfE asks at the child's age (rules 157-198, 542-547): an SDQ score for about four
        in five children whose 4th birthday falls by 31 March and 17th after 1 April, else a
        reason (SDQ1 for a child who turned 4 in the year, when the last assessment found them
        under 4); convictions from 10; immunisations and substance misuse for all; whether an
        intervention was received when misuse is found, and if not whether one was offered.
        Its own random stream, so the casework flows and their calibration do not move.
        """
        rng = random.Random(self.seed * 104_723 + 13)
        first_year = _add_years(self.window_start, -1).year + 1
        rows: list[r.CareOutcomes] = []
        for year in range(first_year, self.as_at.year + 1):
            first, last = date(year - 1, 4, 1), date(year, 3, 31)
            if last > self.as_at:
                break
            for period in self.periods:
                if period.start_date > first or (
                    period.end_date is not None and period.end_date < last
                ):
                    continue
                dob = self.child_dob[period.child_id]
                rows.append(self._year_outcomes(rng, len(rows) + 1, period.child_id, dob, year))
        return rows

    @staticmethod
    def _year_outcomes(
        rng: random.Random, row_id: int, child: int, dob: date, year: int
    ) -> r.CareOutcomes:
        first, last = date(year - 1, 4, 1), date(year, 3, 31)
        score: int | None = None
        reason = ""
        if _add_years(dob, 4) <= last and _add_years(dob, 17) > first:
            if rng.random() < 0.8:
                score = min(40, max(0, round(rng.gauss(14, 6))))
            elif _add_years(dob, 4) > first:
                reason = "SDQ1"
            else:
                reason = rng.choice(("SDQ2", "SDQ3", "SDQ4", "SDQ5"))
        convicted = rng.random() < 0.03 if _add_years(dob, 10) <= last else None
        immunised = rng.random() < 0.87
        misuse = _add_years(dob, 11) <= last and rng.random() < 0.05
        received = (rng.random() < 0.55) if misuse else None
        offered = (rng.random() < 0.6) if received is False else None
        return r.CareOutcomes(
            row_id, child, year, score, reason, convicted, immunised, misuse, received, offered
        )

    def _with_adopters(self) -> list[r.AdoptionMilestones]:
        """The adoptions, with the adopters (SSDA903 AD1) from the match on: a combination of
        number, genders and legal status the DfE rules accept (511-524), weighted roughly as
        England's adoptions are. Its own random stream."""
        rng = random.Random(self.seed * 104_723 + 17)
        combos = [combo for combo, _ in _ADOPTERS]
        weights = [weight for _, weight in _ADOPTERS]
        adoptions = []
        for adoption in self.adoptions:
            if adoption.matched_date is not None and adoption.no_longer_planned_date is None:
                number, sexes, status = rng.choices(combos, weights)[0]
                adoption = adoption._replace(
                    number_of_adopters=number, adopters_sex=sexes, adopters_legal_status=status
                )
            adoptions.append(adoption)
        return adoptions

    def _needs_assessments(self) -> list[r.NeedsAssessment]:
        """A needs assessment for each child who became eligible (reg 40) in the window: about
        80% within the 3 months, 12% late, the rest not done yet. Its own random stream."""
        rng, as_at = random.Random(self.seed * 15485863 + 11), self.as_at
        periods: dict[int, list[CarePeriodRow]] = {}
        for p in self.periods:
            periods.setdefault(p.child_id, []).append(CarePeriodRow(*p))
        out: list[r.NeedsAssessment] = []
        for child in sorted(periods):
            eligible = eligible_from(self.child_dob.get(child), periods[child])
            if eligible is None or not self.window_start <= eligible[0] <= as_at:
                continue
            on, end = eligible
            u = rng.random()
            if u < 0.8:
                d = on + timedelta(days=rng.randint(7, 88))
            elif u < 0.92:
                d = on + timedelta(days=rng.randint(95, 160))
            else:
                continue
            if d <= as_at and (end is None or d <= end):
                out.append(r.NeedsAssessment(len(out) + 1, child, d))
        return out

    def _supervisions(self, staff: list[r.Staff]) -> list[r.SupervisionSession]:
        """Supervision sessions of social work staff since the window start, by their team's
        manager: monthly (newly qualified weekly for 6 weeks, then fortnightly to 6 months).

        Its own random stream, so adding it changes no other table. About 85% of gaps are on
        time, the rest a week or more late; a few workers have had none for two months.
        """
        rng, as_at = random.Random(self.seed * 104723 + 7), self.as_at
        managers = {
            s.team_id: s.id
            for s in staff
            if s.role == "team_manager" and s.team_id is not None and s.end_date is None
        }
        supervised = {"social_worker", "senior_social_worker", "practice_supervisor"}
        supervised |= {"personal_adviser"}
        out: list[r.SupervisionSession] = []
        for s in staff:
            if s.role not in supervised or s.team_id is None:
                continue
            end = min(s.end_date or as_at, as_at)
            lapsed = rng.random() < 0.03  # none for the last two months
            if lapsed:
                end = min(end, as_at - timedelta(days=60))
            weeks6, months6 = s.start_date + timedelta(weeks=6), _add_months(s.start_date, 6)
            # Older history is not loaded; start the walk two months before the window.
            d = max(s.start_date, self.window_start - timedelta(days=62))
            while True:
                if s.newly_qualified and d < weeks6:
                    due = d + timedelta(weeks=1)
                elif s.newly_qualified and d < months6:
                    due = d + timedelta(weeks=2)
                else:
                    due = _add_months(d, 1)
                u = rng.random()
                slip = rng.randint(-6, 0) if u < 0.85 else rng.randint(3, 20)
                d = max(d + DAY, due + timedelta(days=slip))
                if d > end:
                    break
                if d >= self.window_start:
                    out.append(r.SupervisionSession(len(out) + 1, s.id, managers.get(s.team_id), d))
        return out

    def _timescale_extras(
        self,
    ) -> tuple[
        list[r.CoreGroupMeeting],
        list[r.PersonalEducationPlanReview],
        list[r.SchoolStatusReport],
        list[r.AlertCase],
    ]:
        """Core groups, PEP reviews, placement visits, school feed rows and the alert children.

        Uses the timescale stream only. Most meetings are on time, some late, a few missed.
        """
        rng, as_at = self.trng, self.as_at
        episode_child = {e.id: e.child_id for e in self.episodes}
        core_groups: list[r.CoreGroupMeeting] = []
        for plan in self.plans:
            end = plan.end_date or as_at
            if end < self.window_start:
                continue
            child = episode_child[plan.episode_id]
            u = rng.random()
            wd = rng.randint(4, 10) if u < 0.88 else rng.randint(11, 16)
            d = add_working_days(plan.start_date, wd)
            while d <= end and d <= as_at:
                core_groups.append(r.CoreGroupMeeting(len(core_groups) + 1, child, plan.id, d))
                u = rng.random()
                gap = 28 - rng.randint(0, 6) if u < 0.88 else 28 + rng.randint(1, 14)
                d += timedelta(days=gap)
        peps: list[r.PersonalEducationPlanReview] = []
        term_starts = ((1, 1), (4, 1), (9, 1))
        for period in self.periods:
            end = min(period.end_date or as_at, as_at)
            start = max(period.start_date, _add_years(self.window_start, -1))
            if end < start:
                continue
            dob = self.child_dob.get(period.child_id)
            if dob is None:
                continue
            for year in range(start.year, end.year + 1):
                for i, (month, day) in enumerate(term_starts):
                    t0 = date(year, month, day)
                    t1 = (
                        date(year, term_starts[i + 1][0], 1) - DAY
                        if i + 1 < len(term_starts)
                        else date(year, 12, 31)
                    )
                    lo, hi = max(t0, start), min(t1, end)
                    if lo > hi or rng.random() < 0.08:
                        continue
                    d = lo + timedelta(days=rng.randint(0, (hi - lo).days))
                    if 3 <= _age(dob, d) < 18:
                        peps.append(
                            r.PersonalEducationPlanReview(len(peps) + 1, period.child_id, d)
                        )
        # Reg 28: a visit within a week of each new placement (most on time).
        for ep in self.care_episodes:
            if ep.reason_new_episode == "L" or not self.window_start <= ep.start_date <= as_at:
                continue
            u = rng.random()
            d = ep.start_date + timedelta(days=rng.randint(1, 7) if u < 0.9 else rng.randint(8, 14))
            if d <= as_at and (ep.end_date is None or d <= ep.end_date):
                alone = (d - self.child_dob[ep.child_id]).days > 5 * 365 and rng.random() < 0.75
                self.visits.append((ep.child_id, "cla", d, "in_person", "completed", True, alone))
        # School feed rows: most open school-age children are reported on roll.
        schools = (
            "Moor Green Primary",
            "Hillside Academy",
            "St Anne's RC School",
            "Eastfield High",
        )
        school_rows: list[r.SchoolStatusReport] = []

        def report(child: int, status: str, on: date) -> None:
            school_rows.append(
                r.SchoolStatusReport(
                    len(school_rows) + 1,
                    child,
                    rng.choice(schools),
                    status,
                    on,
                    "synthetic-school-feed.csv",
                    len(school_rows) + 2,
                )
            )

        open_children = sorted(
            {e.child_id for e in self.episodes if e.closure_date is None}
            | {p.child_id for p in self.periods if p.end_date is None}
        )
        for child in open_children:
            dob = self.child_dob.get(child)
            if dob is not None and 5 <= _age(dob, as_at) < 16 and rng.random() < 0.3:
                report(child, "on_roll", as_at - timedelta(days=rng.randint(5, 150)))
        cases = self._alert_children(report)
        return core_groups, peps, school_rows, cases

    def _pathway_reviews(self) -> list[r.PathwayPlanReview]:
        """Six-monthly pathway plan reviews while a care leaver has a personal adviser."""
        rng, as_at = self.trng, self.as_at
        rows: list[r.PathwayPlanReview] = []
        for child, kind, start, end in self.stretches:
            if kind != "care_leavers":
                continue
            stop = min(end or as_at, as_at)
            d = start - timedelta(days=rng.randint(0, 60))
            while d <= stop:
                if d >= self.window_start:
                    rows.append(r.PathwayPlanReview(len(rows) + 1, child, d))
                u = rng.random()
                months = 6 if u < 0.85 else 7
                d = _add_months(d, months) - timedelta(days=rng.randint(0, 25))
        return rows

    def _alert_children(self, report: Callable[[int, str, date], None]) -> list[r.AlertCase]:
        """Children built to trigger each gap alert, and children built not to.

        Chosen among children on an open child protection plan for at least four months, each
        used once, in id order so the choice is deterministic.
        """
        rng, as_at = self.trng, self.as_at
        episode_child = {e.id: e.child_id for e in self.episodes}
        candidates = sorted(
            {
                episode_child[p.episode_id]
                for p in self.plans
                if p.end_date is None and p.start_date <= as_at - timedelta(days=120)
            }
        )
        candidates = [c for c in candidates if _age(self.child_dob[c], as_at) >= 6]
        recent = as_at - timedelta(days=366)
        contacted = {c.child_id for c in self.contacts if c.contact_date >= recent}
        quiet = [c for c in candidates if c not in contacted]
        busy = [c for c in candidates if c in contacted]
        cases: list[r.AlertCase] = []
        used: set[int] = set()

        def take(pool: list[int]) -> int | None:
            for c in pool:
                if c not in used:
                    used.add(c)
                    return c
            return None

        def visits_of(child: int) -> list[int]:
            return [i for i, v in enumerate(self.visits) if v[0] == child]

        def contact(child: int, on: date, source: str, outcome: str) -> None:
            self.contacts.append(
                r.Contact(
                    len(self.contacts) + 1,
                    child,
                    on,
                    source,
                    _REFERRERS.get(source, ""),
                    "",
                    outcome,
                    on,
                )
            )

        def seen_visit(child: int, on: date, alone: bool) -> None:
            self.visits.append((child, "cp", on, "in_person", "completed", True, alone))

        def da_factors(child: int, present: bool) -> None:
            for i, a in enumerate(self.assessments):
                if episode_child.get(a.episode_id) != child or a.authorisation_date is None:
                    continue
                kept = tuple(f for f in a.factors if f not in {"3A", "3B", "3C", "21"})
                factors = tuple(sorted({*kept, "3B"})) if present else kept or ("21",)
                self.assessments[i] = a._replace(factors=factors)

        household_of = {m.person_id: m.household_id for m in self.members if m.person_id}
        pools = quiet + busy
        for fires in (True, True, False, False):
            # Not seen: no visit for eight weeks / a visit two days ago.
            child = take(pools)
            if child is not None:
                cut = as_at - timedelta(days=56)
                self.visits = [
                    v for v in self.visits if not (v[0] == child and v[2] > cut and fires)
                ]
                if not fires:
                    seen_visit(child, add_working_days(as_at, -2), True)
                cases.append(r.AlertCase(child, "not_seen", fires))
            # Not seen alone at the last three visits / seen alone each time.
            child = take(pools)
            if child is not None:
                for i in visits_of(child):
                    v = self.visits[i]
                    self.visits[i] = (*v[:6], (not fires) and v[5])
                seen_visit(child, add_working_days(as_at, -3), not fires)
                cases.append(r.AlertCase(child, "not_seen_alone", fires))
            # Two visits without access in two months / only one.
            child = take(pools)
            if child is not None:
                cut = as_at - timedelta(days=100)
                self.visits = [
                    v
                    for v in self.visits
                    if not (v[0] == child and v[2] > cut and v[4] != "completed")
                ]
                for k in range(2 if fires else 1):
                    on = as_at - timedelta(days=10 + 20 * k)
                    self.visits.append(
                        (child, "cp", on, "in_person", ("no_access", "refused")[k], False, False)
                    )
                cases.append(r.AlertCase(child, "no_access", fires))
            # Three contacts in a year, two from family, the last closed NFA / a single one.
            child = take(quiet)
            if child is not None:
                if fires:
                    contact(child, as_at - timedelta(days=300), "1A", "information")
                    contact(child, as_at - timedelta(days=150), "1A", "information")
                    contact(child, as_at - timedelta(days=40), "2A", "nfa")
                else:
                    contact(child, as_at - timedelta(days=60), "1A", "nfa")
                cases.append(r.AlertCase(child, "repeat_referrals", fires))
                cases.append(r.AlertCase(child, "nfa_after_referrals", fires))
            # Police notifications where domestic abuse is known / without it.
            child = take(quiet)
            if child is not None:
                da_factors(child, fires)
                contact(child, as_at - timedelta(days=200), "6", "information")
                contact(child, as_at - timedelta(days=30), "6", "information")
                cases.append(r.AlertCase(child, "domestic_abuse", fires))
            # An unknown adult in the household now / one who has left.
            child = take(pools)
            if child is not None and child in household_of:
                hh = household_of[child]
                self.members = [
                    m._replace(end_date=max(m.start_date, as_at - timedelta(days=30)))
                    if m.household_id == hh and m.is_unknown_adult and m.end_date is None
                    else m
                    for m in self.members
                ]
                self.members.append(
                    r.HouseholdMember(
                        len(self.members) + 1,
                        hh,
                        None,
                        True,
                        "Adult male seen at the address; identity not established",
                        as_at - timedelta(days=60 if fires else 500),
                        None if fires else as_at - timedelta(days=450),
                    )
                )
                cases.append(r.AlertCase(child, "unknown_adult", fires))
            # Withdrawn to home education or missing education / back on roll since.
            child = take(pools)
            if child is not None:
                if fires:
                    report(child, rng.choice(("ehe", "cme")), as_at - timedelta(days=20))
                else:
                    report(child, "ehe", as_at - timedelta(days=150))
                    report(child, "on_roll", as_at - timedelta(days=30))
                cases.append(r.AlertCase(child, "school_status", fires))
        return cases

    def _agency_cover(self) -> float:
        """Share of vacant posts covered by agency staff, so agency and vacancy rates both hold."""
        p = self.p
        v, a = p.vacancy_pct / 100, p.agency_pct / 100
        in_post = 1 - v
        agency = a / (1 - a) * in_post
        return min(1.0, agency / v)

    def _staff(self, teams: list[r.Team], posts: dict[int, list[float]]) -> list[r.Staff]:
        """Each post is a renewal process: permanent holders, vacancies covered by agency or not."""
        rng, p = self.rng, self.p
        staff: list[r.Staff] = []
        # Mean permanent tenure in days: 1/turnover, shortened by a factor fitted on generated
        # data (leavers who joined in the same year do not count as turnover, CSWW).
        tenure = 100 / (p.turnover_pct * 1.2) * 365.25
        gap = p.vacancy_pct / (100 - p.vacancy_pct) * tenure  # mean vacancy, days
        cover = self._agency_cover()
        keep_from = self.sim_start
        vacancy = p.vacancy_pct / 100
        acc_vacant = rng.random()
        acc_cover = rng.random()

        def add(
            role: str,
            contract: str,
            team: int | None,
            start: date,
            end: date | None,
            fte: float,
            nq: bool,
        ) -> None:
            sex = "M" if rng.random() < 0.2 else "F"
            sid = len(staff) + 1
            staff.append(
                r.Staff(
                    sid,
                    f"SW{sid:06d}",
                    rng.choice(self.first_m if sex == "M" else self.first_f),
                    rng.choice(self.last),
                    role,
                    contract,
                    nq,
                    Decimal(f"{fte:.2f}"),
                    team,
                    start,
                    end if end is not None and end <= self.as_at else None,
                    ("Resigned" if contract == "permanent" else "Assignment ended")
                    if end is not None and end <= self.as_at
                    else "",
                )
            )

        for team in teams:
            for i, fte in enumerate(posts[team.id]):
                if team.kind == "care_leavers":
                    role = "team_manager" if i == 0 else "personal_adviser"
                elif team.kind == "reviewing":
                    role = "team_manager" if i == 0 else "reviewing_officer"
                else:
                    role = (
                        "team_manager"
                        if i == 0
                        else "practice_supervisor"
                        if i == 1
                        else ("senior_social_worker" if rng.random() < 0.25 else "social_worker")
                    )
                # Walk the post backwards from as_at (an exponential renewal process is the same
                # both ways in time). The state at as_at is stratified across posts, so the
                # vacancy and agency rates at as_at hold closely even for a small authority.
                acc_vacant += vacancy
                vacant_now = acc_vacant >= 1.0
                if vacant_now:
                    acc_vacant -= 1.0
                    acc_cover += cover
                covered_now = vacant_now and acc_cover >= 1.0
                if covered_now:
                    acc_cover -= 1.0
                elif vacant_now and role == "team_manager":
                    # A team is never left without a manager: an interim covers the vacancy.
                    covered_now = True
                future = self.as_at + DAY * 3650  # an end after as_at is not recorded
                d_end: date = future
                filled = not vacant_now
                first = True
                while d_end >= keep_from:
                    base = self.as_at if first else d_end
                    if filled:
                        start = base - timedelta(days=rng.expovariate(1 / tenure) + 1)
                        # Spread, not drawn: a small authority has few recent starters, and
                        # some of them are newly qualified.
                        nq = (
                            role == "social_worker"
                            and (self.as_at - start).days < 540
                            and self._spread("newly_qualified") < 0.4
                        )
                        add(role, "permanent", team.id, start, None if first else d_end, fte, nq)
                    else:
                        start = base - timedelta(days=rng.expovariate(1 / gap) + 1)
                        if covered_now if first else rng.random() < cover:
                            a_end = None if first else d_end
                            x = base
                            while x > start and x >= keep_from:
                                a_start = max(
                                    start, x - timedelta(days=rng.expovariate(1 / 300) + 30)
                                )
                                add(role, "agency", team.id, a_start, a_end, fte, False)
                                x = a_start - DAY
                                a_end = x
                    if first:
                        start = min(start, self.as_at - DAY)
                    d_end = start - DAY
                    filled = not filled
                    first = False
        # Managers above team level are permanent and stable.
        for role, count in (("director", 1), ("service_manager", 4)):
            for _ in range(count):
                add(
                    role,
                    "permanent",
                    None,
                    self.sim_start - timedelta(days=rng.randint(400, 4000)),
                    None,
                    1.0,
                    False,
                )
        return staff

    def _allocate(
        self, teams_by_kind: dict[str, list[int]], staff: list[r.Staff]
    ) -> tuple[list[r.Allocation], Callable[[int, date], int | None]]:
        """Allocate each stretch of work to a team and a worker active on the day, with changes."""
        rng = self.rng
        holders = {
            "social_worker",
            "senior_social_worker",
            "practice_supervisor",
            "personal_adviser",
        }
        by_team: dict[int, list[r.Staff]] = {}
        for s in staff:
            if s.team_id is not None and s.role in holders:
                by_team.setdefault(s.team_id, []).append(s)
        for lst in by_team.values():
            lst.sort(key=lambda s: s.start_date)
        disabled = {d.person_id for d in self.disabilities}
        allocations: list[r.Allocation] = []
        per_child: dict[int, list[tuple[date, date | None, int | None]]] = {}

        def worker_on(team: int, day: date) -> r.Staff | None:
            pool = by_team.get(team, [])
            active = [
                s for s in pool if s.start_date <= day and (s.end_date is None or s.end_date > day)
            ]
            if not active:
                return None
            # Practice supervisors take fewer cases.
            choice = rng.choice(active)
            if choice.role == "practice_supervisor" and rng.random() < 0.6:
                choice = rng.choice(active)
            return choice

        for child, kind, start, end in sorted(self.stretches, key=lambda s: (s[0], s[2])):
            if kind == "child_in_need" and child in disabled:
                kind = "disabled_children"
            tids = teams_by_kind.get(kind) or teams_by_kind["assessment"]
            team = tids[child % len(tids)]
            a_kind = "personal_adviser" if kind == "care_leavers" else "social_worker"
            day = start
            while True:
                # Some children wait for a worker; a looked-after child never does (every child
                # looked after has a social worker from the day care begins; SSDA903 SW12STG2).
                waits = rng.random() < 0.03 and kind != "children_in_care"
                worker = None if waits else worker_on(team, day)
                w_end = worker.end_date if worker is not None else None
                seg_end = end
                if w_end is not None and (end is None or w_end < end):
                    seg_end = w_end
                if worker is None and not waits:
                    # Nobody in the team yet (a stretch older than the workforce): unallocated
                    # until the first worker joins.
                    joins = [s.start_date for s in by_team.get(team, []) if s.start_date > day]
                    if joins and min(joins) <= (end or self.as_at):
                        seg_end = min(joins) - DAY
                # Some unallocated waits end when a worker is found.
                elif (
                    worker is None
                    and end is None
                    and rng.random() < 0.5
                    and day < self.as_at - timedelta(days=30)
                ):
                    seg_end = day + timedelta(days=rng.randint(5, 30))
                allocations.append(
                    r.Allocation(
                        len(allocations) + 1,
                        child,
                        team,
                        worker.id if worker else None,
                        a_kind,
                        day,
                        seg_end,
                    )
                )
                per_child.setdefault(child, []).append(
                    (day, seg_end, worker.id if worker else None)
                )
                if seg_end is None or (end is not None and seg_end >= end):
                    break
                day = seg_end + DAY
                if day > self.as_at:
                    break

        def worker_for(child: int, day: date) -> int | None:
            found = None
            for s, e, w in per_child.get(child, ()):
                if s <= day and (e is None or day <= e):
                    found = w
            return found

        return allocations, worker_for


def generate(
    preset: str,
    years: int,
    seed: int,
    as_at: date,
    progress: Progress | None = None,
    *,
    scale: float = 1.0,
) -> r.SynthAuthority:
    """Generate the synthetic authority `preset` with `years` years of journeys ending at `as_at`.

    Deterministic: the same arguments give identical output. `progress(stage, done, total)` is
    called as the work advances. `scale` multiplies the preset's population (rates unchanged),
    for example to test the England preset at a manageable size.
    """
    with without_cycle_collection():
        return _Generator(preset_named(preset, scale=scale), years, seed, as_at).run(progress)


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a bulk build of plain records.

    Building millions of tuples makes the collector walk the whole growing heap again and again
    (a quarter of the generator's time for Birmingham); the records hold no reference cycles, so
    nothing is left uncollected. Reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
