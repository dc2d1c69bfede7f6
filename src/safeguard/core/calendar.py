"""England and Wales working days: weekdays that are not bank holidays.

Bank holidays come from the `holidays` library (GB, subdivision England), which includes
substitute days ("observed") and one-off days such as the 2022 State Funeral and the 2023
Coronation, matching gov.uk `bank-holidays.json` for England and Wales.

Convention (indicator-definitions §0): the event day is day 0. The working days *between* a and b
are the working days d with a < d <= b, so an event finished on the day it started took 0 days
and a Friday-to-Monday span is 1 working day.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from threading import Lock

import holidays

_lock = Lock()
_first_year = 0
_last_year = -1
_working: list[int] = []  # ordinals of working days in [_first_year, _last_year], ascending
_bank: frozenset[date] = frozenset()


def _ensure(first_year: int, last_year: int) -> None:
    """Extend the cached table of working days to cover whole years first_year..last_year."""
    global _first_year, _last_year, _working, _bank
    if _first_year <= first_year and last_year <= _last_year:
        return
    with _lock:
        lo = min(first_year, _first_year) if _last_year >= _first_year else first_year
        hi = max(last_year, _last_year)
        # Cover a generous range at once so that most callers never extend it again.
        lo, hi = min(lo, 1990), max(hi, 2045)
        bank = frozenset(holidays.country_holidays("GB", subdiv="ENG", years=range(lo, hi + 1)))
        start, end = date(lo, 1, 1).toordinal(), date(hi, 12, 31).toordinal()
        working = [
            o
            for o in range(start, end + 1)
            if (o % 7) not in (6, 0) and date.fromordinal(o) not in bank
        ]
        _bank, _working, _first_year, _last_year = bank, working, lo, hi


def _cover(*days: date) -> None:
    lo, hi = min(days).year, max(days).year
    # The fast path matters: timescale engines call this hundreds of thousands of times.
    if _first_year < lo and hi < _last_year:
        return
    _ensure(lo - 1, hi + 1)


def is_bank_holiday(day: date) -> bool:
    """True if `day` is an England and Wales bank holiday (substitute days included)."""
    _cover(day)
    return day in _bank


def is_working_day(day: date) -> bool:
    """True if `day` is a Monday to Friday that is not an England and Wales bank holiday."""
    return day.weekday() < 5 and not is_bank_holiday(day)


def working_days_between(a: date, b: date) -> int:
    """The number of working days d with a < d <= b (negative when b is before a).

    The start day is day 0: working_days_between(d, d) == 0.
    """
    _cover(a, b)
    return bisect_right(_working, b.toordinal()) - bisect_right(_working, a.toordinal())


def add_working_days(start: date, n: int) -> date:
    """The date n working days after `start` (start is day 0).

    For n >= 1 the result is the n-th working day after `start`, always a working day, and
    working_days_between(start, result) == n. For n == 0 the result is `start` itself, whatever
    day it is. For n <= -1 the result is the |n|-th working day before `start`.
    """
    if n == 0:
        return start
    # Working days are about 250 a year; make sure the table reaches the answer.
    reach = start.year + (n // 180 + 1 if n > 0 else n // 180 - 1)
    if not (_first_year < min(start.year, reach) and max(start.year, reach) < _last_year):
        _cover(start, start + timedelta(days=n * 2 + (30 if n > 0 else -30)))
    s = start.toordinal()
    if n > 0:
        return date.fromordinal(_working[bisect_right(_working, s) + n - 1])
    return date.fromordinal(_working[bisect_left(_working, s) + n])
