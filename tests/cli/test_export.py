"""`safeguard export {903,cin,annex-a}` from the command line: files, summary and exit codes.

Given a synthetic authority loaded into the database, when the command exports a return, then
the files are where --out says, they read back with the real readers, the summary names the
rules that fired, and the exit code is 0 (no errors), 1 (written, with errors) or 2 (nothing
written).
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pytest_django.fixtures import Settings

from safeguard.cli import EXIT_OK, EXIT_UNUSABLE, main
from safeguard.returns.ssda903.reader import read_903
from safeguard.synth.generator import generate
from safeguard.synth.records import SynthAuthority
from safeguard.web.casework.models import CINEpisode
from safeguard.web.casework.synth_loader import load_authority

pytestmark = pytest.mark.django_db
AS_AT = date(2026, 5, 1)


@pytest.fixture(scope="module")
def authority() -> SynthAuthority:
    return generate("demo", 2, 12, AS_AT, scale=0.2)


@pytest.fixture
def loaded(authority: SynthAuthority, settings: Settings) -> SynthAuthority:
    settings.SAFEGUARD_LA_CODE = "999"
    load_authority(authority)
    return authority


def test_annex_a_workbook(
    loaded: SynthAuthority, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "annex-a.xlsx"
    assert main(["export", "annex-a", "--year", "2026", "--out", str(out)]) == EXIT_OK
    printed = capsys.readouterr().out
    assert "01 April 2025 to 31 March 2026" in printed
    assert "lists 2 and 11 have headings only" in printed
    workbook = openpyxl.load_workbook(out, read_only=True)
    assert workbook.sheetnames == [f"List {n}" for n in range(1, 12)]
    # List 8: one row per child looked after at some time in the year.
    in_care = {
        p.child_id
        for p in loaded.care_periods
        if p.start_date <= date(2026, 3, 31)
        and (p.end_date is None or p.end_date >= date(2025, 4, 1))
    }
    rows = list(workbook["List 8"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(in_care) > 0
    persons = {p.la_person_id for p in loaded.persons if p.id in in_care}
    assert {row[0] for row in rows} == persons
    contacts = list(workbook["List 1"].iter_rows(min_row=2, values_only=True))
    assert len(contacts) == sum(
        1 for c in loaded.contacts if date(2025, 4, 1) <= c.contact_date <= date(2026, 3, 31)
    )
    # Exporting again replaces the workbook in one step and leaves no partial file behind.
    assert main(["export", "annex-a", "--year", "2026", "--out", str(out)]) == EXIT_OK
    assert [p.name for p in tmp_path.iterdir()] == ["annex-a.xlsx"]


def test_903_csv_and_xml_hold_the_same_return(
    loaded: SynthAuthority, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, xml = tmp_path / "ssda903", tmp_path / "ssda903.xml"
    folder.mkdir()  # an empty folder may be given
    csv_code = main(["export", "903", "--year", "2026", "--out", str(folder)])
    xml_code = main(["export", "903", "--year", "2026", "--format", "xml", "--out", str(xml)])
    printed = capsys.readouterr()
    assert csv_code == xml_code == 1  # the known gaps (tests/web/test_export.py)
    assert "Most frequent rules:" in printed.out
    assert "but the DfE would reject them" in printed.err
    from_csv = read_903(sorted(folder.glob("*.csv")), year="2025/26").tables
    from_xml = read_903([xml], year="2025/26").tables
    for table in ("Header", "Episodes", "Reviews", "Missing"):
        assert from_xml[table].height == from_csv[table].height > 0, table
        assert from_xml[table]["CHILD"].to_list() == from_csv[table]["CHILD"].to_list(), table


def test_cin_census_with_a_broken_record(
    loaded: SynthAuthority, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cin.xml"
    assert main(["export", "cin", "--year", "2026", "--out", str(out)]) == EXIT_OK
    assert "0 error(s)" in capsys.readouterr().out

    episode = CINEpisode.objects.filter(
        referral_date__gte=date(2025, 4, 1), referral_nfa=False
    ).first()
    assert episode is not None
    CINEpisode.objects.filter(pk=episode.pk).update(primary_need="NX")
    assert main(["export", "cin", "--year", "2026", "--out", str(out)]) == 1
    printed = capsys.readouterr()
    assert "error 8650" in printed.out
    assert "The return has 1 error(s)" in printed.err
    assert "NX" in out.read_text(encoding="utf-8")  # the file is written, errors and all


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["annex-a", "--out", "annex-a.csv"], "name the file with a .xlsx ending"),
        (["cin", "--format", "xml", "--out", "cin.xml"], "--format is for the 903 return only"),
        (["903", "--format", "xml", "--out", "return.txt"], "with a .xml ending"),
        (["903", "--out", "return.xml"], "or --format xml for one XML file"),
        (["903", "--out", "blocker/ssda903"], "cannot make the folder"),
        (["903", "--year", "2019", "--out", "old"], "no return can be checked for that year"),
    ],
)
def test_unusable_arguments_write_nothing(
    db: None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "blocker").write_text("a file where a folder should be", encoding="utf-8")
    if "--year" not in args:
        args = [*args, "--year", "2026"]
    assert main(["export", *args]) == EXIT_UNUSABLE
    assert message in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["blocker"]


@pytest.mark.parametrize("code", ["12", "1234", "ABC"])
def test_a_malformed_la_code_stops_startup(code: str) -> None:
    environment = {**os.environ, "SAFEGUARD_LA_CODE": code}
    finished = subprocess.run(
        [sys.executable, "-c", "import safeguard.web.config.settings"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert finished.returncode != 0
    assert "SAFEGUARD_LA_CODE must be the council's three-digit DfE code" in finished.stderr
