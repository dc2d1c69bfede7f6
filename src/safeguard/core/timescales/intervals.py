"""Intervals of time as the timescale rules state them: working days, days, weeks, months, terms.

Working days follow `safeguard.core.calendar` (England and Wales; the event day is day 0). Months
keep the day of the month, or the month's last day when it has fewer days ("3 months after
31 Aug" is 30 Nov). School terms are taken as autumn (Sep-Dec), spring (Jan-Mar) and summer
(Apr-Aug): a whole-month approximation of English school terms, since term dates vary by school.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from safeguard.core.calendar import add_working_days


class Unit(StrEnum):
    """The unit a rule's interval is counted in."""

    WORKING_DAYS = "working_days"
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    TERMS = "terms"

    def words(self, n: int) -> str:
        """`n` of this unit in words: "15 working days", "1 week", "3 months"."""
        singular = {
            Unit.WORKING_DAYS: "working day",
            Unit.DAYS: "day",
            Unit.WEEKS: "week",
            Unit.MONTHS: "month",
            Unit.TERMS: "school term",
        }[self]
        return f"{n} {singular}" if n == 1 else f"{n} {singular}s"


@dataclass(frozen=True, slots=True)
class Interval:
    """A number of units, e.g. Interval(15, Unit.WORKING_DAYS)."""

    n: int
    unit: Unit

    def __post_init__(self) -> None:
        if self.n < 0:
            raise ValueError("an interval cannot be negative")

    def after(self, start: date) -> date:
        """The due date this interval after `start` (start is day 0)."""
        return add_interval(start, self)

    def words(self) -> str:
        return self.unit.words(self.n)

    def phrase(self) -> str:
        """How an explanation counts from an event: "15 working days after", or for terms
        "the end of the school term of" (n=0) and "the end of the 2nd school term after"."""
        if self.unit is not Unit.TERMS:
            return f"{self.words()} after"
        if self.n == 0:
            return "the end of the school term of"
        if self.n == 1:
            return "the end of the school term after"
        return f"the end of school term {self.n} after"


def add_months(d: date, months: int) -> date:
    """`d` moved by whole months, clamped to the last day of a shorter month."""
    m = d.month - 1 + months
    y = d.year + m // 12
    m = m % 12 + 1
    last = (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)).day
    return date(y, m, min(d.day, last))


def add_years(d: date, years: int) -> date:
    """`d` moved by whole years; 29 February becomes 28 February in a common year."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


_TERM_ENDS = ((12, 31), (3, 31), (8, 31))  # autumn, spring, summer


def _term_end(d: date) -> date:
    if d.month >= 9:
        return date(d.year, 12, 31)
    if d.month <= 3:
        return date(d.year, 3, 31)
    return date(d.year, 8, 31)


def add_terms(d: date, n: int) -> date:
    """The last day of the n-th school term after the one containing `d` (n=0: this term)."""
    end = _term_end(d)
    for _ in range(n):
        end = _term_end(end + timedelta(days=1))
    return end


def add_interval(start: date, interval: Interval) -> date:
    """`start` plus `interval`; see the module docstring for each unit's convention."""
    n, unit = interval.n, interval.unit
    if unit is Unit.WORKING_DAYS:
        return add_working_days(start, n)
    if unit is Unit.DAYS:
        return start + timedelta(days=n)
    if unit is Unit.WEEKS:
        return start + timedelta(weeks=n)
    if unit is Unit.MONTHS:
        return add_months(start, n)
    return add_terms(start, n)


def format_day(d: date) -> str:
    """A date as the explanations write it: "12 Mar 2026" (no leading zero)."""
    return f"{d.day} {d:%b %Y}"
