"""Write SSDA903 tables to CSV files and run rules through the real reader."""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path

from safeguard.returns.engine import rules_for, run_rule
from safeguard.returns.ssda903.reader import OPTIONAL_COLUMNS, TABLES, Return903, read_903

YEAR = "2025/26"
Rows = Sequence[Mapping[str, str]]


def write_table(path: Path, table: str, rows: Rows) -> Path:
    """Write `rows` as the CSV file of `table`, every required column present (blank if unset)."""
    columns = list(TABLES[table])
    for extra in OPTIONAL_COLUMNS.get(table, ()):
        if any(extra in row for row in rows):
            columns.append(extra)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})
    return path


def write_return(
    folder: Path,
    tables: Mapping[str, Rows],
    previous: Mapping[str, Rows] | None = None,
    year: str | None = YEAR,
) -> Return903:
    """Write each table to its own file under `folder` and read them back with read_903."""
    folder.mkdir(parents=True, exist_ok=True)
    current = [
        write_table(folder / f"{name.lower()}.csv", name, rows) for name, rows in tables.items()
    ]
    last = [
        write_table(folder / f"{name.lower()}_last.csv", name, rows)
        for name, rows in (previous or {}).items()
    ]
    return read_903(current, previous=last, year=year)


def flagged_rows(code: str, submission: Return903) -> list[tuple[str, int]]:
    """(table, row) of every issue rule `code` raises on `submission`."""
    rule = {r.code: r for r in rules_for("ssda903", submission.year)}[code]
    issues = run_rule(rule, submission)
    return sorted(zip(issues["table"].to_list(), issues["row"].to_list(), strict=True))
