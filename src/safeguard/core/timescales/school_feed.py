"""The school feed: a CSV from schools or the education service about children's school status.

Columns (header names, any order, case-insensitive): ``upn``, ``first_name``, ``last_name``,
``date_of_birth``, ``school``, ``status``, ``date``. Each row identifies the child by UPN, or by
first name, last name and date of birth when there is no UPN. Dates are ISO (2026-03-31) or
day/month/year (31/03/2026). Statuses: ``on_roll``, ``ehe`` (withdrawn to elective home
education), ``cme`` (missing education), ``left``; the long forms "elective home education" and
"missing education" are accepted too.

`parse` reads the text and reports every problem (file, row, field); `match` finds each row's
child among candidates and reports rows that match no child, or more than one, without guessing.
The caller applies the rows only when there are no problems at all.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

REQUIRED = ("school", "status", "date")
IDENTITY = ("upn", "first_name", "last_name", "date_of_birth")
STATUSES = {
    "on_roll": "on_roll",
    "on roll": "on_roll",
    "ehe": "ehe",
    "elective home education": "ehe",
    "elective_home_education": "ehe",
    "cme": "cme",
    "missing education": "cme",
    "missing_education": "cme",
    "left": "left",
}
MAX_ROWS = 200_000


@dataclass(frozen=True)
class Problem:
    """Something wrong with the file or one row: where, which field, and what."""

    file_name: str
    row: int  # 1 is the header; 0 for the file as a whole
    field: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}" if self.row else "file"
        field = f", field {self.field}" if self.field else ""
        return f"{self.file_name}: {where}{field}: {self.message}"


class FeedRow(NamedTuple):
    row: int
    upn: str
    first_name: str
    last_name: str
    date_of_birth: date | None
    school: str
    status: str
    status_date: date


class Candidate(NamedTuple):
    id: int
    upn: str
    first_name: str
    last_name: str
    date_of_birth: date | None


class Matched(NamedTuple):
    child_id: int
    row: FeedRow


def _date(text: str) -> date:
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date like 2026-03-31 or 31/03/2026")


def parse(file_name: str, text: str) -> tuple[list[FeedRow], list[Problem]]:
    """The rows of the feed and every problem found. Rows with problems are left out."""
    problems: list[Problem] = []
    if not text.strip():
        return [], [Problem(file_name, 0, "", "the file is empty")]
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = next(reader)
    except csv.Error as exc:
        return [], [Problem(file_name, 1, "", f"cannot read the header: {exc}")]
    names = [h.strip().lower().replace(" ", "_") for h in header]
    missing = [c for c in REQUIRED if c not in names]
    if "upn" not in names and not all(
        c in names for c in ("first_name", "last_name", "date_of_birth")
    ):
        missing.append("upn (or first_name, last_name and date_of_birth)")
    if missing:
        return [], [Problem(file_name, 1, "", f"missing columns: {', '.join(missing)}")]
    at = {n: i for i, n in enumerate(names)}
    rows: list[FeedRow] = []
    line = 1
    try:
        for line, values in enumerate(reader, start=2):
            if line > MAX_ROWS + 1:
                problems.append(Problem(file_name, line, "", f"more than {MAX_ROWS:,} rows"))
                break
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(names):
                problems.append(
                    Problem(file_name, line, "", f"{len(values)} values for {len(names)} columns")
                )
                continue

            def get(col: str, values: list[str] = values) -> str:
                return values[at[col]].strip() if col in at else ""

            row_problems: list[Problem] = []
            upn = get("upn").upper()
            first, last = get("first_name"), get("last_name")
            dob: date | None = None
            if get("date_of_birth"):
                try:
                    dob = _date(get("date_of_birth"))
                except ValueError as exc:
                    row_problems.append(Problem(file_name, line, "date_of_birth", str(exc)))
            if not upn and not (first and last and get("date_of_birth")):
                row_problems.append(
                    Problem(
                        file_name,
                        line,
                        "upn",
                        "no UPN, and not all of first_name, last_name and date_of_birth",
                    )
                )
            status = STATUSES.get(get("status").lower())
            if status is None:
                row_problems.append(
                    Problem(
                        file_name,
                        line,
                        "status",
                        f"{get('status')!r} is not one of on_roll, ehe, cme, left",
                    )
                )
            status_date: date | None = None
            try:
                status_date = _date(get("date"))
            except ValueError as exc:
                row_problems.append(Problem(file_name, line, "date", str(exc)))
            if row_problems or status is None or status_date is None:
                problems += row_problems
                continue
            rows.append(FeedRow(line, upn, first, last, dob, get("school"), status, status_date))
    except csv.Error as exc:
        problems.append(Problem(file_name, line + 1, "", f"cannot read the row: {exc}"))
    if not rows and not problems:
        problems.append(Problem(file_name, 0, "", "the file has a header but no rows"))
    return rows, problems


def match(
    file_name: str, rows: Iterable[FeedRow], candidates: Iterable[Candidate]
) -> tuple[list[Matched], list[Problem]]:
    """Each row's child, by UPN or else by exact name and date of birth; never a guess.

    A row that matches no child, or more than one, is a problem; so is a UPN that matches a
    child whose date of birth differs from the row's.
    """
    by_upn: dict[str, list[Candidate]] = {}
    by_name: dict[tuple[str, str, date], list[Candidate]] = {}
    for c in candidates:
        if c.upn:
            by_upn.setdefault(c.upn.upper(), []).append(c)
        if c.date_of_birth is not None:
            key = (c.first_name.casefold(), c.last_name.casefold(), c.date_of_birth)
            by_name.setdefault(key, []).append(c)
    matched: list[Matched] = []
    problems: list[Problem] = []
    for row in rows:
        if row.upn:
            found = by_upn.get(row.upn, [])
            field = "upn"
            if (
                len(found) == 1
                and row.date_of_birth
                and found[0].date_of_birth != row.date_of_birth
            ):
                problems.append(
                    Problem(
                        file_name,
                        row.row,
                        "date_of_birth",
                        "does not match the child with this UPN",
                    )
                )
                continue
        else:
            assert row.date_of_birth is not None
            key = (row.first_name.casefold(), row.last_name.casefold(), row.date_of_birth)
            found = by_name.get(key, [])
            field = "first_name"
        if not found:
            problems.append(Problem(file_name, row.row, field, "matches no child"))
        elif len(found) > 1:
            problems.append(
                Problem(file_name, row.row, field, f"matches {len(found)} children; not guessed")
            )
        else:
            matched.append(Matched(found[0].id, row))
    return matched, problems
