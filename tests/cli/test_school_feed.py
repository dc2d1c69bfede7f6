"""`safeguard import school-feed FILE`: all or nothing, problems by file, row and field.

Exit codes: 0 imported, 1 problems in the rows (nothing imported), 2 the file could not be used.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from safeguard.cli import EXIT_DATA, EXIT_OK, EXIT_UNUSABLE, main
from safeguard.web.timescales.models import SchoolStatusReport
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
HEADER = "upn,first_name,last_name,date_of_birth,school,status,date\n"


@pytest.fixture
def children(db: None) -> None:
    PersonFactory(upn="A123456789012", date_of_birth=date(2015, 5, 1))
    PersonFactory(first_name="Ada", last_name="Lovell", date_of_birth=date(2014, 2, 3), upn="")


def run(tmp_path: Path, text: str | bytes, name: str = "feed.csv") -> int:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return main(["import", "school-feed", str(path)])


def test_good_file_imports_every_row(
    children: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        HEADER
        + "A123456789012,,,,Hillside Academy,EHE,2026-11-02\n"
        + ",ada,LOVELL,03/02/2014,Eastfield High,missing education,2026-11-03\n"
    )
    assert run(tmp_path, text) == EXIT_OK
    assert "imported 2 rows" in capsys.readouterr().out
    assert sorted(SchoolStatusReport.objects.values_list("status", flat=True)) == ["cme", "ehe"]


def test_unmatched_and_bad_rows_import_nothing(
    children: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        HEADER
        + "A123456789012,,,,Hillside Academy,ehe,2026-11-02\n"
        + ",Ada,Lovell,04/02/2014,Eastfield High,cme,2026-11-03\n"
        + "A123456789012,,,,Hillside Academy,gone fishing,2026-13-01\n"
    )
    assert run(tmp_path, text) == EXIT_DATA
    err = capsys.readouterr().err
    path = tmp_path / "feed.csv"
    assert f"{path}: row 3, field first_name: matches no child" in err
    assert f"{path}: row 4, field status: 'gone fishing' is not one of" in err
    assert f"{path}: row 4, field date: '2026-13-01' is not a date" in err
    assert "nothing imported" in err
    assert not SchoolStatusReport.objects.exists()


def test_two_children_with_the_same_name_and_birth_date_are_not_guessed(
    children: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    PersonFactory(first_name="Ada", last_name="Lovell", date_of_birth=date(2014, 2, 3), upn="")
    assert run(tmp_path, HEADER + ",Ada,Lovell,2014-02-03,Eastfield High,cme,2026-11-03\n") == 1
    assert "matches 2 children; not guessed" in capsys.readouterr().err
    assert not SchoolStatusReport.objects.exists()


def test_missing_columns_make_the_file_unusable(
    children: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path, "upn,school\nA123456789012,Hillside\n") == EXIT_UNUSABLE
    assert "row 1: missing columns: status, date" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "file: the file is empty"),
        (HEADER, "file: the file has a header but no rows"),
        (b"\xff\xfe\x00u\x00p", "not UTF-8"),
    ],
)
def test_empty_or_unreadable_files_are_unusable(
    db: None, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str | bytes, message: str
) -> None:
    assert run(tmp_path, text) == EXIT_UNUSABLE
    assert message in capsys.readouterr().err


def test_missing_file_is_unusable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "school-feed", str(tmp_path / "absent.csv")]) == EXIT_UNUSABLE
    assert "absent.csv: cannot read the file" in capsys.readouterr().err
