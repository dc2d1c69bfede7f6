"""The rows of a synthetic authority: the record types of `safeguard.core.records`, plus what
the authority was generated from and the children built to test the gap alerts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from safeguard.core.records import *  # noqa: F403  (the record types, re-exported for the generator)
from safeguard.core.records import TABLES, AuthorityRecords, tables  # noqa: F401


class AlertCase(NamedTuple):
    """A child the generator built to trigger one gap alert (`fires`), or built not to."""

    child_id: int
    alert_id: str
    fires: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class SynthAuthority(AuthorityRecords):
    """A whole synthetic authority: every table's rows, plus what it was generated from."""

    preset: str
    seed: int
    as_at: date
    window_start: date
    population: int
    alert_cases: tuple[AlertCase, ...]
