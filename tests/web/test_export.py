"""Exporting returns from the database: the records read back intact, the return written whole.

Given a synthetic authority generated and loaded into the database, when a return is exported,
then the records read from the database are the generator's own rows, the files read back with
the real readers give the same return the writers make from the generator's rows, rules fire on
a record deliberately broken, and a failed export leaves nothing behind.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from django.utils import timezone
from pytest_django.fixtures import DjangoAssertNumQueries, Settings

from safeguard.core.records import TABLES, tables
from safeguard.returns import validation
from safeguard.returns.cin.reader import read_cin
from safeguard.returns.cin.writer import write_cin_xml
from safeguard.returns.engine import Result
from safeguard.returns.ssda903.reader import HISTORY, read_903
from safeguard.returns.ssda903.writer import build_903_history, build_903_tables
from safeguard.synth.generator import generate
from safeguard.synth.records import SynthAuthority
from safeguard.web.casework.models import (
    Assessment,
    CINEpisode,
    LookedAfterEpisode,
    Person,
    Visit,
)
from safeguard.web.casework.synth_loader import load_authority
from safeguard.web.returns import export
from safeguard.web.returns.export import export_command, records_from_database

pytestmark = pytest.mark.django_db
YEAR = 2026  # 1 April 2025 to 31 March 2026
AS_AT = date(2026, 5, 1)
LA_CODE = "999"


@pytest.fixture(scope="module")
def authority() -> SynthAuthority:
    return generate("demo", 2, 11, AS_AT, scale=0.2)


@pytest.fixture
def loaded(authority: SynthAuthority, settings: Settings) -> SynthAuthority:
    settings.SAFEGUARD_LA_CODE = LA_CODE
    load_authority(authority)
    return authority


def _export(return_name: str, out: Path, output_format: str | None = None) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = export_command(
        return_name=return_name,
        year=YEAR,
        out=out,
        output_format=output_format,
        stdout=stdout,
        stderr=stderr,
    )
    return code, stdout.getvalue(), stderr.getvalue()


def _errors(issues: pl.DataFrame) -> set[str]:
    return set(issues.filter(pl.col("type") == "error")["rule"].unique().to_list())


def test_records_from_the_database_are_the_generators_rows(
    loaded: SynthAuthority, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    with django_assert_max_num_queries(2 * len(TABLES)):
        records = records_from_database(TABLES)
    for name, rows in tables(loaded).items():
        assert tables(records)[name] == tuple(sorted(rows)), name


def test_default_tables_are_what_the_exports_need(loaded: SynthAuthority) -> None:
    records = records_from_database()
    assert records.case_notes == () and records.supervisions == () and records.visits == ()
    # Only the people with a row in those tables: no return reads parents and relatives.
    linked = {
        getattr(row, field)
        for name in export.RETURN_TABLES
        for row in tables(loaded)[name]
        for field in ("child_id", "person_id")
        if hasattr(row, field)
    }
    assert {p.id for p in records.persons} == linked
    assert len(linked) < len(loaded.persons)
    assert len(records.care_episodes) == len(loaded.care_episodes)
    assert len(records.cin_episodes) == len(loaded.cin_episodes)


def test_archived_rows_and_what_hangs_on_them_are_left_out(loaded: SynthAuthority) -> None:
    now = timezone.now()
    episode = CINEpisode.objects.filter(assessments__isnull=False).first()
    assert episode is not None
    Person.objects.filter(pk=episode.child_id).update(archived_at=now)
    assessment = Assessment.objects.exclude(episode__child_id=episode.child_id).first()
    assert assessment is not None
    Assessment.objects.filter(pk=assessment.pk).update(archived_at=now)
    visit = Visit.objects.exclude(worker=None).exclude(child_id=episode.child_id).first()
    assert visit is not None and visit.worker is not None
    type(visit.worker).objects.filter(pk=visit.worker_id).update(archived_at=now)

    records = records_from_database(TABLES)

    assert episode.child_id not in {p.id for p in records.persons}
    assert episode.pk not in {e.id for e in records.cin_episodes}
    assert all(a.episode_id != episode.pk for a in records.assessments)
    assert assessment.pk not in {a.id for a in records.assessments}
    kept = next(v for v in records.visits if v.id == visit.pk)
    assert kept.worker_id is None
    assert len(records.visits) == Visit.objects.exclude(child_id=episode.child_id).count()


def test_903_export_reads_back_as_the_writers_return(
    loaded: SynthAuthority, tmp_path: Path
) -> None:
    out = tmp_path / "ssda903"
    code, stdout, stderr = _export("903", out)
    assert code in (0, 1), stderr
    current = sorted(out.glob("*.csv"))
    previous = sorted((out / "previous").glob("*.csv"))
    # Last year's whole return, so every cross-year rule runs.
    assert {"episodes.csv", "header.csv", "oc3.csv", "missing.csv"} <= {p.name for p in previous}
    history = sorted((out / "history").glob("*.csv"))
    assert [p.name for p in history] == ["episodes.csv"]
    submission = read_903(current, previous, "2025/26", history=history)
    expected = build_903_tables(loaded, YEAR, la_code=LA_CODE)
    # The history is the writer's: every earlier year's Episodes the records hold.
    earlier = build_903_history(loaded, YEAR)
    assert earlier.height > 0
    assert submission.tables[HISTORY].height == earlier.height
    assert set(submission.tables[HISTORY]["CHILD"]) == set(earlier["CHILD"])
    assert submission.tables["Episodes"].height > 20
    for name, frame in expected.items():
        read = submission.tables[name].select(frame.columns)
        assert read.height == frame.height, name
        as_text = read.select(
            pl.col(c).cast(pl.String).fill_null("") if read[c].dtype != pl.Date else
            pl.col(c).dt.strftime("%d/%m/%Y").fill_null("")
            for c in frame.columns
        )  # fmt: skip
        assert as_text.equals(frame.fill_null("")), name
    assert "Validation (" in stdout and "error(s)" in stdout
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


@pytest.fixture
def exported_903(loaded: SynthAuthority, tmp_path: Path) -> tuple[int, Path, Result]:
    """The SSDA903 export of the loaded authority, its exit code and its validation."""
    out = tmp_path / "ssda903"
    code, _, _ = _export("903", out)
    _, result = validation.validate_903(
        sorted(out.glob("*.csv")),
        sorted((out / "previous").glob("*.csv")),
        "2025/26",
        history=[out / "history" / "episodes.csv"],
    )
    return code, out, result


def test_903_round_trip_has_no_errors(
    exported_903: tuple[int, Path, Result],
) -> None:
    """What the generator made valid, exported from the database, the DfE's rules accept: the
    OC2 outcomes and AD1 adopters come from the records, not from blanks."""
    code, out, result = exported_903
    assert result.rules_failed == ()
    assert _errors(result.issues) == set()
    assert code == 0
    oc2 = pl.read_csv(out / "oc2.csv", infer_schema=False)
    ad1 = pl.read_csv(out / "ad1.csv", infer_schema=False)
    assert oc2.height > 0 and oc2["IMMUNISATIONS"].null_count() == 0
    assert oc2["SDQ_SCORE"].drop_nulls().len() > oc2.height / 2
    assert ad1.height > 0 and ad1["SEX_ADOPTR"].null_count() == 0


def test_cin_export_is_the_writers_census(loaded: SynthAuthority, tmp_path: Path) -> None:
    out = tmp_path / "cin.xml"
    code, _, stderr = _export("cin", out)
    assert code in (0, 1), stderr
    expected = tmp_path / "expected.xml"
    write_cin_xml(loaded, expected, YEAR, LA_CODE)
    assert out.read_bytes() == expected.read_bytes()
    submission = read_cin(out, "2025/26")
    assert submission.tables["CINdetails"].height > 100
    assert f"<LEA>{LA_CODE}</LEA>" in out.read_text(encoding="utf-8")


def test_cin_round_trip_has_no_errors(loaded: SynthAuthority, tmp_path: Path) -> None:
    out = tmp_path / "cin.xml"
    code, stdout, stderr = _export("cin", out)
    _, result = validation.validate_cin(out, "2025/26")
    assert result.rules_failed == ()
    assert _errors(result.issues) == set()
    assert code == 0, stderr
    assert "0 error(s)" in stdout


def test_a_broken_legal_status_fires_rule_144(loaded: SynthAuthority, tmp_path: Path) -> None:
    episode = LookedAfterEpisode.objects.filter(start_date__gte=date(2025, 4, 1)).first()
    assert episode is not None
    LookedAfterEpisode.objects.filter(pk=episode.pk).update(legal_status="Z9")
    out = tmp_path / "ssda903"
    code, _, stderr = _export("903", out)
    assert code == 1
    assert "The files are written to" in stderr
    _, result = validation.validate_903(
        sorted(out.glob("*.csv")), sorted((out / "previous").glob("*.csv")), "2025/26"
    )
    flagged = result.issues.filter(pl.col("rule") == "144")
    assert flagged["child"].to_list() == [episode.child.la_person_id]


def test_a_broken_primary_need_fires_rule_8650(loaded: SynthAuthority, tmp_path: Path) -> None:
    episode = CINEpisode.objects.filter(
        referral_date__gte=date(2025, 4, 1), referral_nfa=False
    ).first()
    assert episode is not None
    CINEpisode.objects.filter(pk=episode.pk).update(primary_need="NX")
    out = tmp_path / "cin.xml"
    code, _, _ = _export("cin", out)
    assert code == 1
    _, result = validation.validate_cin(out, "2025/26")
    assert (
        episode.child.la_person_id
        in result.issues.filter(pl.col("rule") == "8650")["child"].to_list()
    )


def test_a_failed_write_leaves_nothing(
    loaded: SynthAuthority, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = export.write_903_csv

    def fail_after_the_first(tables: dict[str, pl.DataFrame], folder: Path) -> list[Path]:
        real(dict(list(tables.items())[:1]), folder)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, "write_903_csv", fail_after_the_first)
    out = tmp_path / "ssda903"
    code, _, stderr = _export("903", out)
    assert code == 2
    assert "nothing written" in stderr and "No space left on device" in stderr
    assert list(tmp_path.iterdir()) == []


def test_a_folder_already_holding_files_is_refused(loaded: SynthAuthority, tmp_path: Path) -> None:
    (tmp_path / "ssda903").mkdir()
    (tmp_path / "ssda903" / "notes.txt").write_text("keep me", encoding="utf-8")
    code, _, stderr = _export("903", tmp_path / "ssda903")
    assert code == 2 and "already holds files" in stderr
    assert [p.name for p in (tmp_path / "ssda903").iterdir()] == ["notes.txt"]


def test_no_records_for_the_year_writes_nothing(db: None, tmp_path: Path) -> None:
    for return_name, out in (("903", "ssda903"), ("cin", "cin.xml"), ("annex-a", "a.xlsx")):
        code, _, stderr = _export(return_name, tmp_path / out)
        assert code == 2, return_name
        assert "nothing written" in stderr and "holds no" in stderr
    assert list(tmp_path.iterdir()) == []
