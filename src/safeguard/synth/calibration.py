"""Measure a synthetic authority the way DfE measures a council (specs/indicator-definitions.md).

Measuring window: the collection year ending on the last 31 March on or before `as_at` (for
`as_at` 2025-03-31 that is 1 April 2024 to 31 March 2025). "At 31 March" figures are taken on that
31 March. Rates are per 10,000 of the authority's 0-17 population.

Workforce figures (CSWW, indicator-definitions §10) are taken at `as_at` rather than at 30
September, over the twelve months to `as_at`, so that they describe the same day as the casework:
staff in teams with a social work role (team managers, practice supervisors, social workers,
reviewing officers; personal advisers and the care leavers team are not social work posts),
turnover = permanent FTE leaving in the year (not counting same-year starters) / permanent FTE in
post; agency rate = agency FTE / (agency + permanent FTE); vacancy rate = (establishment - permanent
FTE, per team, floored at 0) / (that + permanent FTE); caseload = open social worker allocations /
FTE of the workers holding at least one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, fields
from datetime import date, timedelta

from safeguard.core.calendar import working_days_between
from safeguard.core.codes import (
    ACCOM_EXCLUDED,
    EET_ACTIVITIES,
    PLACEMENT_GROUPS,
    SHORT_BREAK_LEGAL_STATUSES,
)
from safeguard.synth.presets import Preset
from safeguard.synth.records import SynthAuthority

PERCENT_FIGURES = frozenset(
    {
        "re_referrals_pct",
        "nfa_pct",
        "assessed_not_in_need_pct",
        "assessments_45_days_pct",
        "icpc_15_days_pct",
        "cp_second_pct",
        "foster_pct",
        "childrens_homes_pct",
        "supported_pct",
        "with_parents_pct",
        "adoption_pct",
        "three_placements_pct",
        "leavers_eet_pct",
        "leavers_suitable_pct",
        "turnover_pct",
        "agency_pct",
        "vacancy_pct",
    }
)
FIGURES = tuple(f.name for f in fields(Preset) if f.name not in {"name", "population"})


@dataclass(frozen=True, slots=True)
class Figure:
    """One measured figure with the counts it came from."""

    value: float
    numerator: float
    denominator: float


def year_end(as_at: date) -> date:
    """The last 31 March on or before `as_at`."""
    return date(as_at.year if (as_at.month, as_at.day) >= (3, 31) else as_at.year - 1, 3, 31)


def _months_back(d: date, months: int) -> date:
    m = d.month - 1 - months
    y = d.year + m // 12
    m = m % 12 + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(y, m, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _pct(num: float, den: float) -> Figure:
    return Figure(100 * num / den if den else 0.0, num, den)


def _rate(num: float, population: int) -> Figure:
    return Figure(num / population * 10_000, num, population)


def measure(authority: SynthAuthority) -> dict[str, Figure]:
    """Every calibration figure of `authority`, keyed by the `Preset` field it reproduces."""
    a = authority
    ye = year_end(a.as_at)
    ys = date(ye.year - 1, 4, 1)
    pop = a.population
    out: dict[str, Figure] = {}

    def in_year(d: date | None) -> bool:
        return d is not None and ys <= d <= ye

    # Referrals (§1).
    by_child: dict[int, list[date]] = defaultdict(list)
    for e in a.cin_episodes:
        by_child[e.child_id].append(e.referral_date)
    for dates in by_child.values():
        dates.sort()
    year_refs = [e for e in a.cin_episodes if in_year(e.referral_date)]
    n_refs = len(year_refs)
    out["referrals"] = _rate(n_refs, pop)
    re_refs = 0
    for e in year_refs:
        dates = by_child[e.child_id]
        i = dates.index(e.referral_date)
        if i > 0 and dates[i - 1] >= _months_back(e.referral_date, 12):
            re_refs += 1
    out["re_referrals_pct"] = _pct(re_refs, n_refs)
    out["nfa_pct"] = _pct(sum(e.referral_nfa for e in year_refs), n_refs)
    assessed = {x.episode_id for x in a.assessments}
    active = (
        {x.episode_id for x in a.cp_plans}
        | {x.episode_id for x in a.cin_plans}
        | {x.episode_id for x in a.section47s}
    )
    anin = sum(
        1
        for e in year_refs
        if e.id in assessed
        and e.id not in active
        and e.closure_date is not None
        and e.closure_reason in {"RC8", "RC9"}
    )
    out["assessed_not_in_need_pct"] = _pct(anin, n_refs)
    # Assessments (§2).
    done = [x for x in a.assessments if in_year(x.authorisation_date)]
    timely = sum(
        1
        for x in done
        if x.authorisation_date is not None
        and working_days_between(x.start_date, x.authorisation_date) <= 45
    )
    out["assessments_45_days_pct"] = _pct(timely, len(done))
    # Section 47 enquiries and ICPCs (§3).
    out["section47s"] = _rate(sum(1 for s in a.section47s if in_year(s.start_date)), pop)
    s47_start = {s.id: s.start_date for s in a.section47s}
    icpcs = [c for c in a.conferences if c.kind == "initial" and in_year(c.conference_date)]
    out["icpcs"] = _rate(len(icpcs), pop)
    timed = [
        (s47_start[c.section47_id], c.conference_date)
        for c in icpcs
        if c.section47_id is not None and c.conference_date >= s47_start[c.section47_id]
    ]
    out["icpc_15_days_pct"] = _pct(
        sum(1 for s, c in timed if working_days_between(s, c) <= 15), len(timed)
    )
    # Child protection plans (§4).
    episode_child = {e.id: e.child_id for e in a.cin_episodes}
    plan_starts: dict[int, list[date]] = defaultdict(list)
    for p in a.cp_plans:
        plan_starts[episode_child[p.episode_id]].append(p.start_date)
    starting = [p for p in a.cp_plans if in_year(p.start_date)]
    out["cp_plans_starting"] = _rate(len(starting), pop)
    second = sum(
        1
        for p in starting
        if any(s < p.start_date for s in plan_starts[episode_child[p.episode_id]])
    )
    out["cp_second_pct"] = _pct(second, len(starting))
    out["cp_plans_open"] = _rate(
        sum(
            1 for p in a.cp_plans if p.start_date <= ye and (p.end_date is None or p.end_date > ye)
        ),
        pop,
    )
    # Children in need at 31 March (§5).
    out["children_in_need"] = _rate(
        sum(
            1
            for e in a.cin_episodes
            if e.referral_date <= ye
            and (e.closure_date is None or e.closure_date > ye)
            and not e.referral_nfa
        ),
        pop,
    )
    # Children looked after (§6).
    eps_by_child: dict[int, list[tuple[date, date | None, str, str, str]]] = defaultdict(list)
    for ep in a.care_episodes:
        eps_by_child[ep.child_id].append(
            (ep.start_date, ep.end_date, ep.reason_new_episode, ep.legal_status, ep.placement_type)
        )
    at_end: dict[int, str] = {}
    for child, eps in eps_by_child.items():
        for start, end, _rne, ls, place in eps:
            if start <= ye and (end is None or end > ye) and ls not in SHORT_BREAK_LEGAL_STATUSES:
                at_end[child] = place
    n_cla = len(at_end)
    out["looked_after"] = _rate(n_cla, pop)
    groups = {
        "foster_pct": "foster",
        "childrens_homes_pct": "childrens_homes",
        "supported_pct": "supported",
        "with_parents_pct": "with_parents",
        "adoption_pct": "adoption",
    }
    for figure, group in groups.items():
        codes = PLACEMENT_GROUPS[group]
        out[figure] = _pct(sum(1 for place in at_end.values() if place in codes), n_cla)
    started = {
        ep.child_id
        for ep in a.care_episodes
        if ep.reason_new_episode == "S"
        and in_year(ep.start_date)
        and ep.legal_status not in SHORT_BREAK_LEGAL_STATUSES
    }
    out["cla_starting"] = _rate(len(started), pop)
    three = 0
    for child in at_end:
        placements = 0
        for start, end, rne, _ls, _place in eps_by_child[child]:
            if end is not None and end < ys:
                continue
            if start < ys:
                if end is None or end >= ys:
                    placements += 1  # the placement open on 1 April
            elif rne in {"S", "P", "B"} and start <= ye:
                placements += 1
        # A placement open on 1 April counted once even if split by legal-status episodes.
        opening = [e for e in eps_by_child[child] if e[0] < ys and (e[1] is None or e[1] >= ys)]
        placements -= max(0, len(opening) - 1)
        three += placements >= 3
    out["three_placements_pct"] = _pct(three, n_cla)
    # Care leavers aged 19-21 (§8).
    dob = {p.id: p.date_of_birth for p in a.persons}
    cohort = []
    for rec in a.care_leaver_records:
        born = dob[rec.child_id]
        if born is None or not in_year(rec.recorded_on):
            continue
        age = rec.recorded_on.year - born.year
        if 19 <= age <= 21 and rec.in_touch not in {"DIED", "RHOM"}:
            cohort.append(rec)
    out["leavers_eet_pct"] = _pct(
        sum(1 for c in cohort if c.activity in EET_ACTIVITIES), len(cohort)
    )
    housed = [c for c in cohort if c.accommodation not in ACCOM_EXCLUDED]
    out["leavers_suitable_pct"] = _pct(
        sum(1 for c in housed if c.accommodation.endswith("1")), len(housed)
    )
    out.update(_workforce(a))
    return out


_SOCIAL_WORK_ROLES = frozenset(
    {
        "social_worker",
        "senior_social_worker",
        "practice_supervisor",
        "team_manager",
        "reviewing_officer",
    }
)


def _workforce(a: SynthAuthority) -> dict[str, Figure]:
    day = a.as_at
    year_ago = day - timedelta(days=365)
    teams = {t.id: t for t in a.teams if t.kind != "care_leavers"}
    in_post = agency = leavers = 0.0
    permanent_by_team: dict[int, float] = defaultdict(float)
    for s in a.staff:
        if s.team_id not in teams or s.role not in _SOCIAL_WORK_ROLES:
            continue
        fte = float(s.fte)
        current = s.start_date <= day and (s.end_date is None or s.end_date > day)
        if s.contract == "permanent":
            if current:
                in_post += fte
                permanent_by_team[s.team_id] += fte
            elif (
                s.end_date is not None and year_ago < s.end_date <= day and s.start_date <= year_ago
            ):
                leavers += fte
        elif current:
            agency += fte
    vacancies = sum(
        max(0.0, float(t.establishment_fte) - permanent_by_team[t.id]) for t in teams.values()
    )
    fte_of = {s.id: float(s.fte) for s in a.staff}
    cases: dict[int, int] = defaultdict(int)
    for al in a.allocations:
        if (
            al.kind == "social_worker"
            and al.worker_id is not None
            and al.start_date <= day
            and (al.end_date is None or al.end_date > day)
        ):
            cases[al.worker_id] += 1
    holding_fte = sum(fte_of[w] for w in cases)
    return {
        "turnover_pct": _pct(leavers, in_post),
        "agency_pct": _pct(agency, agency + in_post),
        "vacancy_pct": _pct(vacancies, vacancies + in_post),
        "caseload": Figure(
            sum(cases.values()) / holding_fte if holding_fte else 0.0,
            sum(cases.values()),
            holding_fte,
        ),
    }


def targets(preset: Preset) -> dict[str, float]:
    """The preset's published figures, keyed like `measure`."""
    return {name: float(getattr(preset, name)) for name in FIGURES}


def within_tolerance(name: str, measured: float, target: float) -> bool:
    """±3 percentage points for percentages, ±10% relative for rates and the caseload."""
    if name in PERCENT_FIGURES:
        return abs(measured - target) <= 3.0
    return abs(measured - target) <= 0.10 * abs(target)


def report(authority: SynthAuthority, preset: Preset) -> list[tuple[str, float, float, bool]]:
    """(figure, measured, target, within tolerance) for every calibration figure."""
    got = measure(authority)
    return [
        (name, got[name].value, target, within_tolerance(name, got[name].value, target))
        for name, target in targets(preset).items()
    ]
