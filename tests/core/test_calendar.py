"""England and Wales working days; the event day is day 0."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from safeguard.core.calendar import (
    add_working_days,
    is_bank_holiday,
    is_working_day,
    working_days_between,
)


def test_before_christmas_2025() -> None:
    # Tue 23 Dec 2025 -> Wed 24 (1), Christmas Thu 25 and Boxing Day Fri 26, weekend, Mon 29 (2).
    assert add_working_days(date(2025, 12, 23), 1) == date(2025, 12, 24)
    assert add_working_days(date(2025, 12, 23), 2) == date(2025, 12, 29)
    assert working_days_between(date(2025, 12, 23), date(2026, 1, 2)) == 5  # 24,29,30,31, 2 Jan


def test_easter_2026() -> None:
    # Good Friday 3 April and Easter Monday 6 April 2026.
    assert is_bank_holiday(date(2026, 4, 3)) and is_bank_holiday(date(2026, 4, 6))
    assert add_working_days(date(2026, 4, 2), 1) == date(2026, 4, 7)
    assert working_days_between(date(2026, 4, 2), date(2026, 4, 7)) == 1


def test_boxing_day_2026_substitute() -> None:
    # 26 Dec 2026 is a Saturday, so Monday 28 December is the substitute bank holiday.
    assert is_bank_holiday(date(2026, 12, 28))
    assert not is_working_day(date(2026, 12, 28))
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)


def test_one_off_days_and_event_day_zero() -> None:
    assert is_bank_holiday(date(2022, 9, 19)) and is_bank_holiday(date(2023, 5, 8))
    assert working_days_between(date(2025, 6, 2), date(2025, 6, 2)) == 0
    assert add_working_days(date(2025, 6, 7), 0) == date(2025, 6, 7)
    # Friday to Monday is one working day.
    assert working_days_between(date(2025, 6, 6), date(2025, 6, 9)) == 1
    assert working_days_between(date(2025, 6, 9), date(2025, 6, 6)) == -1


def test_negative_days_go_back() -> None:
    assert add_working_days(date(2025, 4, 22), -1) == date(2025, 4, 17)  # over Easter 2025


dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))


@given(start=dates, n=st.integers(min_value=0, max_value=400))
def test_add_then_measure_returns_n(start: date, n: int) -> None:
    assert working_days_between(start, add_working_days(start, n)) == n


@given(start=dates, n=st.integers(min_value=1, max_value=400))
def test_results_are_working_days(start: date, n: int) -> None:
    result = add_working_days(start, n)
    assert result.weekday() < 5
    assert not is_bank_holiday(result)
    assert result > start
    # and nothing earlier would do
    assert working_days_between(start, result - timedelta(days=1)) == n - 1


@given(a=dates, b=dates)
def test_between_is_antisymmetric(a: date, b: date) -> None:
    assert working_days_between(a, b) == -working_days_between(b, a)
