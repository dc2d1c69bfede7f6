"""The CIN census reader: tables and columns as the public validator names them, dates parsed
once, rows as line numbers, the year from the Header, and value-level schema failures kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from safeguard.returns.cin.reader import (
    COLUMNS,
    ROW,
    SchemaFailure,
    UnusableCIN,
    read_cin,
)
from tests.returns.cin.helpers import HEADER, child, document, write_cin


def test_every_table_is_read_with_its_columns(tmp_path: Path) -> None:
    submission = read_cin(write_cin(tmp_path, child("A"), child("B", disabilities=("MOB", "AUT"))))

    assert set(submission.tables) == set(COLUMNS)
    for name, columns in COLUMNS.items():
        assert set(columns) <= set(submission.tables[name].columns), name
        assert submission.tables[name][ROW].dtype.is_integer()
    assert submission.tables["Disabilities"]["Disability"].to_list() == ["NONE", "MOB", "AUT"]
    assert submission.tables["Disabilities"]["LAchildID"].to_list() == ["A", "B", "B"]
    assert submission.tables["Reviews"]["CPPID"].to_list() == [1, 1]
    assert submission.year == "2025/26"
    assert submission.year_inferred


def test_dates_are_parsed_once_with_the_text_kept(tmp_path: Path) -> None:
    path = write_cin(tmp_path, child("A"))
    path.write_text(
        path.read_text().replace("2025-06-01", "2025-13-01"), encoding="utf-8"
    )  # not a real date, which the XSD reports at value level
    submission = read_cin(path)

    cin = submission.tables["CINdetails"]
    assert cin["CINreferralDate"].to_list() == [None]
    assert cin["CINreferralDate__text"].to_list() == ["2025-13-01"]
    assert submission.tables["ChildIdentifiers"]["PersonBirthDate"].to_list() == [
        dt.date(2015, 5, 1)
    ]
    assert any("CINreferralDate" in message for message in submission.schema_value_errors)


def test_row_is_the_line_of_the_element(tmp_path: Path) -> None:
    path = write_cin(tmp_path, child("A"))
    lines = path.read_text().splitlines()
    submission = read_cin(path)

    cin_line = next(n for n, text in enumerate(lines, 1) if "<CINdetails>" in text)
    assert submission.tables["CINdetails"][ROW].to_list() == [cin_line]
    assert submission.rows_are_lines


def test_a_minified_file_numbers_rows_within_each_table(tmp_path: Path) -> None:
    text = document(child("A"), child("B", disabilities=("MOB", "AUT")))
    path = tmp_path / "cin.xml"
    path.write_text("".join(line.strip() for line in text.splitlines()), encoding="utf-8")
    submission = read_cin(path)

    assert not submission.rows_are_lines
    assert submission.tables["Disabilities"][ROW].to_list() == [1, 2, 3]
    assert submission.tables["CINdetails"][ROW].to_list() == [1, 2]


def test_year_given_overrides_the_header(tmp_path: Path) -> None:
    submission = read_cin(write_cin(tmp_path, child()), year="2025/26")
    assert submission.year == "2025/26"
    assert not submission.year_inferred


def test_no_header_needs_a_year(tmp_path: Path) -> None:
    path = tmp_path / "cin.xml"
    path.write_text(document(child(), header=""), encoding="utf-8")
    with pytest.raises(UnusableCIN, match="give --year"):
        read_cin(path)
    submission = read_cin(path, year="2025/26")
    assert "Header" not in submission.tables
    assert submission.tables["ChildIdentifiers"].height == 1


def test_2024_schema_reads_gender_current(tmp_path: Path) -> None:
    text = document(child()).replace("<Sex>F</Sex>", "<GenderCurrent>2</GenderCurrent>")
    text = text.replace(HEADER, HEADER.replace("2026-03-31", "2024-03-31"))
    path = tmp_path / "cin.xml"
    path.write_text(
        text.replace("<ReferralNFA>0</ReferralNFA>", "<ReferralNFA>false</ReferralNFA>")
    )
    submission = read_cin(path)
    assert submission.year == "2023/24"
    assert submission.tables["ChildIdentifiers"]["GenderCurrent"].to_list() == ["2"]
    with pytest.raises(SchemaFailure, match="GenderCurrent"):
        read_cin(path, year="2025/26")
