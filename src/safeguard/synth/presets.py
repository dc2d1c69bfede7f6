"""Calibration targets for the synthetic authority presets.

Figures are DfE's published 2025 figures (specs/indicators-and-benchmarks.md): rates per 10,000
children aged 0-17 and percentages. Birmingham's own figures replace England's where published;
every other figure is England's. `demo` is a tenth of Birmingham's population at the same rates.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Final


@dataclass(frozen=True, slots=True)
class Preset:
    """What a synthetic authority should look like, measured as DfE measures it."""

    name: str
    population: int  # ONS mid-2024 population aged 0-17
    referrals: float  # per 10,000 a year
    re_referrals_pct: float
    nfa_pct: float
    assessed_not_in_need_pct: float
    assessments_45_days_pct: float
    section47s: float  # per 10,000 a year
    icpcs: float  # per 10,000 a year
    icpc_15_days_pct: float
    cp_plans_starting: float  # per 10,000 a year
    cp_second_pct: float
    cp_plans_open: float  # per 10,000 at 31 March
    children_in_need: float  # per 10,000 at 31 March
    looked_after: float  # per 10,000 at 31 March
    foster_pct: float
    childrens_homes_pct: float
    supported_pct: float
    with_parents_pct: float
    adoption_pct: float
    cla_starting: float  # per 10,000 a year
    three_placements_pct: float
    leavers_eet_pct: float  # care leavers aged 19-21
    leavers_suitable_pct: float  # care leavers aged 19-21
    caseload: float
    turnover_pct: float
    agency_pct: float
    vacancy_pct: float


ENGLAND: Final = Preset(
    name="england",
    population=12_183_016,
    referrals=519,
    re_referrals_pct=22.6,
    nfa_pct=6.5,
    assessed_not_in_need_pct=30.8,
    assessments_45_days_pct=85.7,
    section47s=189,
    icpcs=59,
    icpc_15_days_pct=81.4,
    cp_plans_starting=50.8,
    cp_second_pct=24.5,
    cp_plans_open=40.6,
    children_in_need=330,
    looked_after=67,
    foster_pct=67,
    childrens_homes_pct=12,
    supported_pct=9,
    with_parents_pct=6,
    adoption_pct=2,
    cla_starting=26.5,
    three_placements_pct=10,
    leavers_eet_pct=54,
    leavers_suitable_pct=89,
    caseload=15.2,
    turnover_pct=11.8,
    agency_pct=13.0,
    vacancy_pct=14.2,
)

BIRMINGHAM: Final = replace(
    ENGLAND,
    name="birmingham",
    population=292_859,
    children_in_need=318,
    referrals=557,
    cp_plans_open=57.3,
    looked_after=79,
    re_referrals_pct=20.7,
    cp_second_pct=25.9,
    foster_pct=65,
    childrens_homes_pct=10,
    supported_pct=10,
    turnover_pct=8.5,
    agency_pct=12.4,
    vacancy_pct=17.1,
)

DEMO: Final = replace(BIRMINGHAM, name="demo", population=29_286)

PRESETS: Final = MappingProxyType({p.name: p for p in (ENGLAND, BIRMINGHAM, DEMO)})


def preset_named(name: str, *, scale: float = 1.0) -> Preset:
    """The preset called `name`, its population multiplied by `scale` (rates unchanged)."""
    try:
        preset = PRESETS[name]
    except KeyError:
        raise KeyError(f"unknown preset {name!r}; choose from {', '.join(PRESETS)}") from None
    if scale <= 0:
        raise ValueError("scale must be positive")
    if scale == 1.0:
        return preset
    return replace(preset, population=max(1000, round(preset.population * scale)))
