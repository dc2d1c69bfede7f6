"""Statutory and local timescales, work items and gap alerts (pure Python, no Django, no clock).

Where things are:

* `rules.py` - the rules and alerts as data (`RULES`, `ALERTS`), local overrides.
* `intervals.py` - working days, weeks, months and school terms.
* `facts.py` - the rows the engine reads (`Records`) and how they become clocks and events.
* `engine.py` - `work_items(records, as_at=...)` -> list of `WorkItem` with `Status`.
* `alerts.py` - `gap_alerts(records, as_at=...)` -> list of `Alert`.
* `school_feed.py` - parse and match a school feed CSV.
"""

from safeguard.core.timescales.alerts import Alert, gap_alerts
from safeguard.core.timescales.engine import Status, WorkItem, computable, work_items
from safeguard.core.timescales.facts import Records
from safeguard.core.timescales.intervals import Interval, Unit, format_day
from safeguard.core.timescales.rules import (
    ALERTS,
    DEFAULT_SETTINGS,
    RULES,
    RULES_BY_ID,
    AlertRule,
    Rule,
    Settings,
    apply_overrides,
    setting_keys,
)

__all__ = [
    "ALERTS",
    "DEFAULT_SETTINGS",
    "RULES",
    "RULES_BY_ID",
    "Alert",
    "AlertRule",
    "Interval",
    "Records",
    "Rule",
    "Settings",
    "Status",
    "Unit",
    "WorkItem",
    "apply_overrides",
    "computable",
    "format_day",
    "gap_alerts",
    "setting_keys",
    "work_items",
]
