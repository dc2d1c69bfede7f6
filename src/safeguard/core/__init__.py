"""Pure Python core: calendar, code lists by collection year, journey types, timescales.

Never imports Django and never reads the clock. The working-day calendar is public here so that
other tools can use it: `add_working_days`, `working_days_between`, `is_working_day` and
`is_bank_holiday` (England and Wales; the event day is day 0).
"""

from safeguard.core.calendar import (
    add_working_days,
    is_bank_holiday,
    is_working_day,
    working_days_between,
)

__all__ = ["add_working_days", "is_bank_holiday", "is_working_day", "working_days_between"]
