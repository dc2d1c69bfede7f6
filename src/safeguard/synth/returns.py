"""Write a synthetic authority's statutory returns as files, without the database.

`write_returns` writes, for the collection year ending on the last 31 March on or before `as_at`,
the SSDA903 CSV tables under `folder/ssda903` (last year's under `folder/ssda903/previous`, named
`<table>_last.csv`; the Episodes of every earlier year the records hold as
`folder/ssda903/history/episodes.csv`, for `safeguard validate 903 --history`) and the CIN census
XML as `folder/cin.xml`. The tables and the XML come from
the returns layer's writers (`safeguard.returns.ssda903.writer`, `safeguard.returns.cin.writer`),
the same ones that export Safeguard's own records.

Every value comes from the authority's records, the OC2 outcomes (SDQ, convictions,
immunisations, substance misuse) and the AD1 adopters included, which the generator makes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Final

from safeguard.returns.cin.writer import write_cin_xml
from safeguard.returns.ssda903.writer import build_903_history, build_903_tables, write_903_csv
from safeguard.synth.generator import without_cycle_collection
from safeguard.synth.records import SynthAuthority

LEA: Final = "330"
"""The local authority code the synthetic returns carry (Birmingham's; any three digits do)."""


def year_ending(as_at: date) -> int:
    """The year number (2026 for 1 April 2025 to 31 March 2026) of the last collection year
    ending on or before `as_at`."""
    return as_at.year if (as_at.month, as_at.day) >= (3, 31) else as_at.year - 1


def write_903(authority: SynthAuthority, folder: Path, as_at: date) -> list[Path]:
    """Write the SSDA903 CSV files for the year ending on or before `as_at`, last year's under
    `folder/previous` and earlier years' Episodes as `folder/history/episodes.csv`; return the
    files written (this year's first, then last year's, then the history)."""
    year = year_ending(as_at)
    current = write_903_csv(build_903_tables(authority, year, la_code=LEA), folder)
    last_year = build_903_tables(authority, year - 1, la_code=LEA)
    previous = write_903_csv(
        {f"{name}_last": t for name, t in last_year.items()}, folder / "previous"
    )
    history = write_903_csv({"Episodes": build_903_history(authority, year)}, folder / "history")
    return current + previous + history


def write_returns(authority: SynthAuthority, folder: Path, as_at: date) -> list[Path]:
    """Write the SSDA903 files under `folder/ssda903` and the CIN census as `folder/cin.xml`."""
    with without_cycle_collection():
        written = write_903(authority, folder / "ssda903", as_at)
        written.append(write_cin_xml(authority, folder / "cin.xml", year_ending(as_at), LEA))
    return written
