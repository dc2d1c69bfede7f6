"""The timescale rules and the gap alerts, as data: one record per rule, read by one engine.

Each rule names the kind of *clock* that starts it (a fact about the child: a contact, a
strategy discussion, a plan, a period of care...; see `facts.CLOCKS`), the kind of *event* that
stops it (see `facts.EVENTS`), its interval(s), its source and whether it is statutory or local.
Repeating rules list the interval after the first completion in `then` (the last one repeats).
Local rules may be changed per council (`apply_overrides`); statutory ones may not.

Sources: shared/specs/timescales.md (Working Together 2023, Care Planning, Placement and Case
Review (England) Regulations 2010, local procedures) and case-review-lessons.md for the alerts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from safeguard.core.timescales.intervals import Interval, Unit

WT2023 = "Working Together 2023"
REG28 = "Care Planning Regulations 2010 reg 28"
REG33 = "Care Planning Regulations 2010 reg 33"
REG7 = "Care Planning Regulations 2010 reg 7"
REG42 = "Care Planning Regulations 2010 reg 42"
LOCAL = "local policy"

WD, DAYS, WEEKS, MONTHS, TERMS = (
    Unit.WORKING_DAYS,
    Unit.DAYS,
    Unit.WEEKS,
    Unit.MONTHS,
    Unit.TERMS,
)


@dataclass(frozen=True, slots=True)
class Rule:
    """One timescale: when the clock starts, what stops it, how long it allows, and why.

    `first` is allowed from the clock start; `then` from each completion (the last entry repeats;
    empty means a one-off). `restart_on` names an event that starts the schedule again from
    `first` (a new placement). `settled` replaces the repeat interval once the clock has run a
    year where the fact "intended to last until 18" holds. `older` replaces every interval from
    the age `older_from_age`. `ages` limits the rule to children aged lo <= age < hi.
    `local_first` and `local_then` say which intervals a council may change. `early` lists
    (until, every) phases for a clock flagged early (a newly qualified worker): while the step's
    anchor is before `until` after the clock start, `every` replaces the interval.
    """

    id: str
    title: str
    short: str
    action: str
    clock: str
    starts: str
    stops: str
    stopped_by: str
    first: Interval
    source: str
    statutory: bool
    then: tuple[Interval, ...] = ()
    then_source: str = ""
    restart_on: str = ""
    restarted_by: str = ""
    settled: Interval | None = None
    older: Interval | None = None
    older_from_age: int = 0
    ages: tuple[int, int] | None = None
    local_first: bool = False
    local_then: bool = False
    not_computed: str = ""
    early: tuple[tuple[Interval, Interval], ...] = ()

    @property
    def repeats(self) -> bool:
        return bool(self.then)


RULES: tuple[Rule, ...] = (
    Rule(
        id="referral_decision",
        title="Decision on a contact or referral",
        short="Referral decision",
        action="referral_decision",
        clock="contact",
        starts="the contact",
        stops="contact_decision",
        stopped_by="the decision",
        first=Interval(1, WD),
        source=WT2023,
        statutory=True,
    ),
    Rule(
        id="assessment",
        title="Child and family assessment",
        short="Assessment",
        action="assessment",
        clock="referral",
        starts="the referral",
        stops="assessment_authorised",
        stopped_by="authorisation",
        first=Interval(45, WD),
        source=WT2023,
        statutory=True,
    ),
    Rule(
        id="icpc",
        title="Initial child protection conference",
        short="ICPC",
        action="cp_conference",
        clock="section47",
        starts="the strategy discussion",
        stops="initial_conference",
        stopped_by="the conference",
        first=Interval(15, WD),
        source=WT2023,
        statutory=True,
    ),
    Rule(
        id="rcpc",
        title="Review child protection conference",
        short="Review conference",
        action="cp_conference",
        clock="cp_plan",
        starts="the ICPC",
        stops="review_conference",
        stopped_by="the last review conference",
        first=Interval(3, MONTHS),
        then=(Interval(6, MONTHS),),
        source=WT2023,
        statutory=True,
    ),
    Rule(
        id="cp_visit",
        title="Child protection visit",
        short="CP visit",
        action="visit",
        clock="cp_plan",
        starts="the ICPC",
        stops="child_seen",
        stopped_by="the child was last seen",
        first=Interval(10, WD),
        then=(Interval(10, WD),),
        source=LOCAL,
        statutory=False,
        local_first=True,
        local_then=True,
    ),
    Rule(
        id="first_core_group",
        title="First core group meeting",
        short="First core group",
        action="core_group",
        clock="cp_plan",
        starts="the ICPC",
        stops="core_group",
        stopped_by="the first core group",
        first=Interval(10, WD),
        source=LOCAL,
        statutory=False,
        local_first=True,
    ),
    Rule(
        id="core_group",
        title="Core group meeting",
        short="Core group",
        action="core_group",
        clock="first_core_group",
        starts="the first core group",
        stops="core_group",
        stopped_by="the last core group",
        first=Interval(4, WEEKS),
        then=(Interval(4, WEEKS),),
        source=LOCAL,
        statutory=False,
        local_first=True,
        local_then=True,
    ),
    Rule(
        id="cin_visit",
        title="Child in need visit",
        short="CIN visit",
        action="visit",
        clock="cin_plan",
        starts="the child in need plan",
        stops="child_seen",
        stopped_by="the child was last seen",
        first=Interval(20, WD),
        then=(Interval(20, WD),),
        source=LOCAL,
        statutory=False,
        local_first=True,
        local_then=True,
    ),
    Rule(
        id="cla_review",
        title="Looked-after review",
        short="LAC review",
        action="cla_review",
        clock="care_period",
        starts="becoming looked after",
        stops="cla_review",
        stopped_by="the last review",
        first=Interval(20, WD),
        then=(Interval(3, MONTHS), Interval(6, MONTHS)),
        source=REG33,
        statutory=True,
    ),
    Rule(
        id="cla_visit",
        title="Looked-after child visit",
        short="LAC visit",
        action="visit",
        clock="care_period",
        starts="becoming looked after",
        stops="child_seen",
        stopped_by="the child was last seen",
        first=Interval(1, WEEKS),
        then=(Interval(6, WEEKS),),
        restart_on="placement_start",
        restarted_by="the placement started",
        settled=Interval(3, MONTHS),
        source=REG28,
        statutory=True,
    ),
    Rule(
        id="iha",
        title="Initial health assessment",
        short="IHA",
        action="health_assessment",
        clock="care_period",
        starts="becoming looked after",
        stops="health_initial",
        stopped_by="the initial health assessment",
        first=Interval(20, WD),
        source=LOCAL + " (reg 7: before the first review)",
        statutory=False,
        local_first=True,
    ),
    Rule(
        id="rha",
        title="Review health assessment",
        short="RHA",
        action="health_assessment",
        clock="health_checked",
        starts="the initial health assessment",
        stops="health_review",
        stopped_by="the last health assessment",
        first=Interval(6, MONTHS),
        then=(Interval(6, MONTHS),),
        older=Interval(12, MONTHS),
        older_from_age=5,
        source=REG7,
        statutory=True,
    ),
    Rule(
        id="pep",
        title="Personal education plan review",
        short="PEP",
        action="pep",
        clock="care_period",
        starts="becoming looked after",
        stops="pep",
        stopped_by="the last PEP review",
        first=Interval(0, TERMS),
        then=(Interval(1, TERMS),),
        ages=(3, 18),
        source=LOCAL,
        statutory=False,
        local_first=True,
        local_then=True,
    ),
    Rule(
        id="needs_assessment",
        title="Needs assessment of an eligible child",
        short="Needs assessment",
        action="needs_assessment",
        clock="eligible_at_16",
        starts="becoming an eligible child (16, and 13 weeks looked after since 14)",
        stops="needs_assessment",
        stopped_by="the needs assessment",
        first=Interval(3, MONTHS),
        source=REG42,
        statutory=True,
    ),
    Rule(
        id="pathway_plan",
        title="Pathway plan review",
        short="Pathway plan",
        action="pathway_plan",
        clock="pathway_plan",
        starts="the first pathway plan",
        stops="pathway_plan",
        stopped_by="the last pathway plan review",
        first=Interval(6, MONTHS),
        then=(Interval(6, MONTHS),),
        source=LOCAL,
        statutory=False,
        local_first=True,
        local_then=True,
    ),
    Rule(
        id="supervision",
        title="Supervision of a social worker",
        short="Supervision",
        action="supervision",
        clock="staff_start",
        starts="starting in post",
        stops="supervision",
        stopped_by="the last supervision",
        first=Interval(1, MONTHS),
        then=(Interval(1, MONTHS),),
        source=LOCAL + " (newly qualified: weekly for 6 weeks, then fortnightly to 6 months)",
        statutory=False,
        local_first=True,
        local_then=True,
        early=(
            (Interval(6, WEEKS), Interval(1, WEEKS)),
            (Interval(6, MONTHS), Interval(2, WEEKS)),
        ),
    ),
)

RULES_BY_ID: Mapping[str, Rule] = {rule.id: rule for rule in RULES}


@dataclass(frozen=True, slots=True)
class AlertRule:
    """A gap alert from the case reviews, with its configurable threshold and window."""

    id: str
    title: str
    threshold: int
    window: Interval
    lesson: str
    min_age: int = 0


ALERTS: tuple[AlertRule, ...] = (
    AlertRule(
        "not_seen",
        "Not seen as often as the plan requires",
        0,
        Interval(0, DAYS),
        "Daniel Pelka SCR 2013: the child was 'invisible'",
    ),
    AlertRule(
        "not_seen_alone",
        "Not seen alone at the last visits",
        3,
        Interval(12, MONTHS),
        "Daniel Pelka SCR 2013: no one tried hard enough to speak to him",
        min_age=5,
    ),
    AlertRule(
        "no_access",
        "Repeated no-access or refused visits",
        2,
        Interval(3, MONTHS),
        "Khyra Ishaq SCR 2010: visits refused, children seen on the doorstep",
    ),
    AlertRule(
        "repeat_referrals",
        "Three or more contacts in 12 months",
        3,
        Interval(12, MONTHS),
        "Star Hobson and Arthur Labinjo-Hughes (CSPRP 2022): five referrals, family too readily "
        "dismissed",
    ),
    AlertRule(
        "nfa_after_referrals",
        "Closed with no further action after earlier contacts",
        2,
        Interval(12, MONTHS),
        "CSPRP 2022: closed with no further action after multiple referrals",
    ),
    AlertRule(
        "domestic_abuse",
        "Repeated domestic abuse notifications",
        2,
        Interval(12, MONTHS),
        "Daniel Pelka SCR 2013: police called to 26 incidents of domestic abuse",
    ),
    AlertRule(
        "unknown_adult",
        "An unknown adult in the household",
        1,
        Interval(0, DAYS),
        "Peter Connelly SCR 2009: the mother's boyfriend was never identified",
    ),
    AlertRule(
        "school_status",
        "Withdrawn to home education or missing education",
        1,
        Interval(12, MONTHS),
        "Khyra Ishaq SCR 2010: withdrawn from school for home education",
    ),
)

ALERTS_BY_ID: Mapping[str, AlertRule] = {a.id: a for a in ALERTS}

# How far ahead an item counts as "due soon", in working days (local; configurable).
DUE_SOON_WORKING_DAYS = 5
# Completed items stay on a work list for this many days after completion.
DONE_SHOWN_DAYS = 30


@dataclass(frozen=True, slots=True)
class Settings:
    """A council's timescale settings: the rules and alerts with its local overrides applied."""

    rules: tuple[Rule, ...] = RULES
    alerts: tuple[AlertRule, ...] = ALERTS
    due_soon_working_days: int = DUE_SOON_WORKING_DAYS
    done_shown_days: int = DONE_SHOWN_DAYS


DEFAULT_SETTINGS = Settings()


def setting_keys() -> tuple[str, ...]:
    """Every key a council may override: "<rule>", "<rule>:then", "alert:<id>", "due_soon"."""
    keys: list[str] = []
    for rule in RULES:
        if rule.local_first:
            keys.append(rule.id)
        if rule.local_then:
            keys.append(f"{rule.id}:then")
    keys += [f"alert:{a.id}" for a in ALERTS]
    keys.append("due_soon")
    return tuple(keys)


def apply_overrides(overrides: Mapping[str, Interval | int]) -> Settings:
    """The default settings with a council's overrides; refuses statutory rules and bad keys.

    Keys are those of `setting_keys()`. A rule key takes an Interval; an alert key or
    "due_soon" takes an int (the alert's threshold; the due-soon window in working days).
    """
    allowed = set(setting_keys())
    unknown = sorted(set(overrides) - allowed)
    if unknown:
        raise ValueError(f"these timescales cannot be changed locally: {', '.join(unknown)}")
    rules = []
    for rule in RULES:
        first = overrides.get(rule.id, rule.first)
        then_value = overrides.get(f"{rule.id}:then")
        if not isinstance(first, Interval):
            raise ValueError(f"{rule.id} needs an interval")
        then = rule.then
        if then_value is not None:
            if not isinstance(then_value, Interval):
                raise ValueError(f"{rule.id}:then needs an interval")
            then = (*rule.then[:-1], then_value)
        rules.append(replace(rule, first=first, then=then))
    alerts = []
    for alert in ALERTS:
        value = overrides.get(f"alert:{alert.id}", alert.threshold)
        if not isinstance(value, int):
            raise ValueError(f"alert:{alert.id} needs a whole number")
        alerts.append(replace(alert, threshold=value))
    due_soon = overrides.get("due_soon", DUE_SOON_WORKING_DAYS)
    if not isinstance(due_soon, int) or due_soon < 0:
        raise ValueError("due_soon needs a whole number of working days")
    return Settings(rules=tuple(rules), alerts=tuple(alerts), due_soon_working_days=due_soon)
