"""`safeguard import {903,cin} PATH...`: exit codes, the report, and a whole synthetic return.

Exit codes: 0 imported (or, with --dry-run, would be), 1 problems in the data and nothing
imported, 2 the input could not be used.
"""

from __future__ import annotations

import csv
import time
from pathlib import Path

import polars as pl
import pytest

from safeguard.cli import EXIT_DATA, EXIT_OK, EXIT_UNUSABLE, main
from safeguard.returns.cin.reader import COLUMNS, read_cin
from safeguard.returns.ssda903.reader import TABLES, read_903
from safeguard.web.casework import models as cw
from safeguard.web.returns.importer import KINDS
from tests.web.test_import_returns import EPISODE, tables_903, write_903, write_cin

pytestmark = pytest.mark.django_db


def rows_held() -> dict[str, int]:
    return {kind: spec.model.objects.count() for kind, spec in KINDS.items()}


def test_import_903_folder_reports_counts_then_nothing_to_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_903(tmp_path / "903", tables_903())

    assert main(["import", "903", str(tmp_path / "903"), "--year", "2026"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "SSDA903 2025/26: 3 children" in out
    assert "DfE rules:" in out
    assert "care episodes" in out and "imported in" in out
    assert cw.LookedAfterEpisode.objects.count() == 3

    assert main(["import", "903", str(tmp_path / "903"), "--year", "2026"]) == EXIT_OK
    assert "nothing to change" in capsys.readouterr().out


def test_dry_run_says_so_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [str(p) for p in write_903(tmp_path, tables_903())]

    assert main(["import", "903", *paths, "--dry-run"]) == EXIT_OK
    assert "dry run: nothing was written" in capsys.readouterr().out
    assert set(rows_held().values()) == {0}


def test_problems_exit_1_naming_file_row_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tables = tables_903()
    bad = {**EPISODE, "CHILD": "NOBODY", "DECOM": "02/02/2026"}
    tables["Episodes"] = [*tables["Episodes"], bad]
    paths = [str(p) for p in write_903(tmp_path, tables)]

    assert main(["import", "903", *paths]) == EXIT_DATA
    err = capsys.readouterr().err
    assert "nothing imported; 1 problem(s)" in err
    assert f"{tmp_path / 'episodes.csv'}: row 5, CHILD: 'NOBODY' has no row in the Header" in err
    assert set(rows_held().values()) == {0}


def test_unusable_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    not_xml = tmp_path / "cin.xml"
    not_xml.write_text("CHILD,SEX\nA,M\n", encoding="utf-8")

    assert main(["import", "cin", str(not_xml)]) == EXIT_UNUSABLE
    assert "unusable input" in capsys.readouterr().err
    assert main(["import", "903", str(tmp_path / "missing.csv")]) == EXIT_UNUSABLE
    empty = tmp_path / "folder"
    empty.mkdir()
    assert main(["import", "903", str(empty)]) == EXIT_UNUSABLE
    assert "no .csv files" in capsys.readouterr().err
    assert set(rows_held().values()) == {0}


def test_import_cin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "cin", str(write_cin(tmp_path))]) == EXIT_OK
    assert "CIN census 2025/26: 1 children" in capsys.readouterr().out
    assert cw.ChildProtectionConference.objects.count() == 2


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def demo_returns(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo authority's returns for 2025/26, written by `safeguard synth --returns`."""
    returns = tmp_path_factory.mktemp("demo") / "returns"
    argv = ["synth", "--preset", "demo", "--as-at", "2026-03-31", "--returns", str(returns)]
    assert main(argv) == 0
    return returns


def test_whole_synthetic_return_imports_into_an_empty_database(
    demo_returns: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = demo_returns / "ssda903"
    capsys.readouterr()

    started = time.perf_counter()
    assert main(["import", "903", str(folder)]) == EXIT_OK
    assert main(["import", "cin", str(demo_returns / "cin.xml")]) == EXIT_OK
    seconds = time.perf_counter() - started
    out = capsys.readouterr().out
    print(f"demo returns imported in {seconds:.1f} s")

    children_903 = {row["CHILD"] for row in _csv_rows(folder / "header.csv")}
    cin = read_cin(demo_returns / "cin.xml")
    children_cin = set(cin.tables["ChildIdentifiers"]["LAchildID"].to_list())
    assert cw.Person.objects.count() == len(children_903 | children_cin)
    assert cw.LookedAfterEpisode.objects.count() == len(_csv_rows(folder / "episodes.csv"))
    assert cw.LookedAfterReview.objects.count() == len(_csv_rows(folder / "reviews.csv"))
    assert cw.CINEpisode.objects.count() == cin.tables["CINdetails"].height
    assert cw.Assessment.objects.count() == cin.tables["Assessments"].height
    assert cw.ChildProtectionPlan.objects.count() == cin.tables["ChildProtectionPlans"].height
    # Every episode's period holds it: the period starts on or before it and ends on or after it.
    for episode in cw.LookedAfterEpisode.objects.select_related("period"):
        assert episode.period.start_date <= episode.start_date
        assert episode.period.end_date is None or (
            episode.end_date is not None and episode.period.end_date >= episode.end_date
        )
    assert "nothing imported" not in out

    before = rows_held()
    assert main(["import", "903", str(folder)]) == EXIT_OK
    assert main(["import", "cin", str(demo_returns / "cin.xml")]) == EXIT_OK
    assert capsys.readouterr().out.count("nothing to change") == 2
    assert rows_held() == before


def _same_rows(first: pl.DataFrame, second: pl.DataFrame, columns: list[str]) -> bool:
    """Whether two tables hold the same rows in `columns`, whatever their order."""

    def ordered(table: pl.DataFrame) -> pl.DataFrame:
        return table.select(columns).sort(columns, nulls_last=True)

    return ordered(first).equals(ordered(second))


def test_import_then_export_gives_back_the_return(demo_returns: Path, tmp_path: Path) -> None:
    """Round trip: what the import records, Safeguard's export writes back, row for row, for
    every table whose fields Safeguard holds (the report lists those it does not)."""
    folder = demo_returns / "ssda903"
    assert main(["import", "903", str(folder)]) == EXIT_OK
    assert main(["import", "cin", str(demo_returns / "cin.xml")]) == EXIT_OK
    main(["export", "903", "--year", "2026", "--out", str(tmp_path / "903")])
    main(["export", "cin", "--year", "2026", "--out", str(tmp_path / "cin.xml")])

    given = read_903(sorted(folder.glob("*.csv")), year="2025/26").tables
    written = read_903(sorted((tmp_path / "903").glob("*.csv")), year="2025/26").tables
    # Worked out from dated health assessments, which the return does not give (report says so).
    not_held = {"OC2": {"HEALTH_CHECK", "TEETH_CHECK", "HEALTH_ASSESSMENT"}}
    for table in (
        "Header",
        "Episodes",
        "Reviews",
        "UASC",
        "Missing",
        "OC3",
        "PlacedAdoption",
        "AD1",
        "OC2",
    ):
        columns = [c for c in TABLES[table] if c not in not_held.get(table, set())]
        assert _same_rows(given[table], written[table], columns), table
    # The outcomes and adopters came through, not blanks on both sides.
    assert given["OC2"]["IMMUNISATIONS"].drop_nulls().len() == given["OC2"].height > 0
    assert written["AD1"]["SEX_ADOPTR"].drop_nulls().len() == given["AD1"].height > 0

    given_cin = read_cin(demo_returns / "cin.xml").tables
    written_cin = read_cin(tmp_path / "cin.xml").tables
    for table, columns in COLUMNS.items():
        if table != "Header":
            assert _same_rows(given_cin[table], written_cin[table], list(columns)), table
