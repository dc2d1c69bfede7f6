"""The returns pages: upload a return and read its report by rule and by child, download it,
check our own records, and who may do any of it.

A hand-made SSDA903 return with known issues: child 1's SEX (X) and ETHNIC (XXXX) are not valid
(rules 101 and 103), and so is child 2's SEX (rule 101). Nothing else in it breaks a rule.
"""

# ruff: noqa: RUF001  (DfE messages use a typographic apostrophe)
from __future__ import annotations

import csv
import html
import io
import json
import tempfile
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import openpyxl
import polars as pl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from safeguard.returns import validation
from safeguard.returns.engine import CatalogueEntry, Failed, Result, Skipped
from safeguard.returns.ssda903.writer import build_903_tables
from safeguard.synth import SynthAuthority, generate
from safeguard.web.access.models import AuditEvent, User
from safeguard.web.casework.models import Person
from safeguard.web.casework.synth_loader import load_authority
from safeguard.web.returns import forms as returns_forms
from safeguard.web.returns.export import records_from_database
from safeguard.web.returns.models import ValidationRun
from safeguard.web.returns.runs import issues_of, result_of, validation_run_record
from tests.conftest import signed_in
from tests.factories import UserFactory
from tests.returns.cin.helpers import child as cin_child
from tests.returns.cin.helpers import document as cin_document
from tests.returns.ssda903.helpers import write_table

SEX_MESSAGE = "The child or young person’s reported sex is not valid."

HEADER = [
    {
        "CHILD": "1",
        "SEX": "X",
        "DOB": "01/02/2010",
        "ETHNIC": "XXXX",
        "UPN": "A123456789012",
        "MOTHER": "0",
    },
    {
        "CHILD": "2",
        "SEX": "X",
        "DOB": "01/02/2011",
        "ETHNIC": "WBRI",
        "UPN": "A123456789013",
        "MOTHER": "",
    },
]
EPISODES = [
    {
        "CHILD": child,
        "DECOM": "01/04/2025",
        "RNE": "S",
        "LS": "C2",
        "CIN": "N1",
        "PLACE": "U1",
        "PLACE_PROVIDER": "PR1",
        "URN": "SC123456",
        "HOME_POST": "B1 1AA",
        "PL_POST": "B2 2BB",
    }
    for child in ("1", "2")
]


def _upload(path: Path, name: str | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name or path.name, path.read_bytes(), content_type="text/csv")


@pytest.fixture
def return_files(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "return"
    folder.mkdir()
    return [
        write_table(folder / "header.csv", "Header", HEADER),
        write_table(folder / "episodes.csv", "Episodes", EPISODES),
    ]


@pytest.fixture
def analyst(db: None) -> User:
    return UserFactory(username="pat.analyst", role=User.Role.PERFORMANCE_ANALYST)


@pytest.fixture
def other_analyst(db: None) -> User:
    return UserFactory(username="oli.analyst", role=User.Role.PERFORMANCE_ANALYST)


def _post_903(client: Client, files: list[Path], **extra: Any) -> Any:
    data = {"return_name": "903", "current": [_upload(p) for p in files], **extra}
    return client.post(reverse("returns:validate"), data)


@pytest.fixture
def run(analyst: User, return_files: list[Path]) -> ValidationRun:
    response = _post_903(signed_in(analyst), return_files, year="2026")
    assert response.status_code == 302
    return ValidationRun.objects.get()


# --- uploading -------------------------------------------------------------------------------


def test_upload_page_says_the_limits(analyst: User) -> None:
    response = signed_in(analyst).get(reverse("returns:validate"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Each file may be up to 512 MB" in content
    assert 'type="file" multiple' in content


def test_a_valid_return_is_validated_and_kept_as_a_report(
    analyst: User, return_files: list[Path]
) -> None:
    response = _post_903(signed_in(analyst), return_files)
    run = ValidationRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("returns:run", args=[run.pk])
    assert run.created_by == analyst
    assert run.return_name == "903"
    assert run.year == "2025/26"
    assert run.year_inferred  # from DECOM 01/04/2025: no year was given
    assert run.file_names == ["header.csv", "episodes.csv"]
    assert run.summary["files"] == {"Header": "header.csv", "Episodes": "episodes.csv"}
    assert (run.errors, run.queries, run.rules_failed) == (3, 0, 0)
    assert run.rules_run > 100
    assert run.rules_skipped > 0  # no Reviews, OC2, ... in this return
    event = AuditEvent.objects.get(action="validation_run_record")
    assert event.object_id == str(run.pk)
    assert event.changes == {
        "return": "903",
        "source": "upload",
        "year": "2025/26",
        "errors": 3,
        "queries": 0,
    }


def test_the_report_groups_issues_by_rule_and_by_child(analyst: User, run: ValidationRun) -> None:
    response = signed_in(analyst).get(reverse("returns:run", args=[run.pk]))
    assert response.status_code == 200
    by_rule = [
        (g.rule, g.type, g.count, [(r.child, r.row) for r in g.first])
        for g in response.context["by_rule"]
    ]
    assert by_rule == [("101", "error", 2, [("1", 2), ("2", 3)]), ("103", "error", 1, [("1", 2)])]
    by_child = [
        (group.child, group.count, [(i.rule, i.table, i.row, i.values) for i in group.issues])
        for group, _ in response.context["children"]
    ]
    assert by_child == [
        ("1", 2, [("101", "Header", 2, "SEX=X"), ("103", "Header", 2, "ETHNIC=XXXX")]),
        ("2", 1, [("101", "Header", 3, "SEX=X")]),
    ]
    content = response.content.decode()
    assert SEX_MESSAGE in content
    assert 'id="count-errors">3<' in content
    assert 'id="count-queries">0<' in content
    # An uploaded return's child ids are another system's: never linked to our records.
    assert "/children/" not in content


def test_a_rule_page_lists_every_issue_of_the_rule(analyst: User, run: ValidationRun) -> None:
    response = signed_in(analyst).get(reverse("returns:run_rule", args=[run.pk, "101"]))
    assert response.status_code == 200
    assert [(r.child, r.row) for r, _ in response.context["rows"]] == [("1", 2), ("2", 3)]
    assert SEX_MESSAGE in response.content.decode()
    missing = signed_in(analyst).get(reverse("returns:run_rule", args=[run.pk, "999"]))
    assert missing.status_code == 404


def test_last_years_files_and_the_year_are_used(analyst: User, return_files: list[Path]) -> None:
    response = _post_903(
        signed_in(analyst),
        return_files[:1],
        previous=[_upload(return_files[0], "header_2024.csv")],
        year="2026",
    )
    assert response.status_code == 302
    run = ValidationRun.objects.get()
    assert not run.year_inferred
    assert run.summary["files"] == {
        "Header": "header.csv",
        "Header_last": "header_2024.csv (last year's)",
    }


def test_earlier_years_episodes_clear_the_care_leaver_rules(
    analyst: User, tmp_path: Path, return_files: list[Path]
) -> None:
    """A care leaver whose care ended in 2023 is flagged by 1002 from this year's and last year's
    files alone, as the DfE's note warns; with the earlier years' Episodes, not."""
    leaver = {"CHILD": "3", "SEX": "M", "DOB": "10/06/2007", "ETHNIC": "WBRI"}
    care_leaver = {"CHILD": "3", "DOB": "10/06/2007", "IN_TOUCH": "YES", "ACTIV": "F1"}
    files = [
        write_table(tmp_path / "header.csv", "Header", [*HEADER, leaver]),
        return_files[1],
        write_table(tmp_path / "oc3.csv", "OC3", [{**care_leaver, "ACCOM": "S2"}]),
    ]
    earlier = write_table(
        tmp_path / "episodes_2024.csv",
        "Episodes",
        [{**EPISODES[0], "CHILD": "3", "DECOM": "01/02/2018", "DEC": "10/09/2023", "REC": "E8"}],
    )
    client = signed_in(analyst)
    for history in ([], [_upload(earlier)]):
        last = [_upload(return_files[1], "episodes_2025.csv")]
        response = _post_903(client, files, previous=last, history=history, year="2026")
        assert response.status_code == 302
    without, with_history = ValidationRun.objects.order_by("pk")
    rules = [set(pl.read_parquet(io.BytesIO(r.issues))["rule"]) for r in (without, with_history)]
    assert "1002" in rules[0]
    assert "1002" not in rules[1]
    assert "1002" in with_history.summary["rules_run"]
    assert with_history.summary["files"]["Episodes_history"] == "episodes_2024.csv (earlier years')"


def test_an_unusable_file_of_earlier_years_is_shown_on_that_question(
    analyst: User, return_files: list[Path]
) -> None:
    content = _errors(
        _post_903(signed_in(analyst), return_files, history=[_upload(return_files[0], "old.csv")])
    )
    assert "old.csv (earlier years'): holds the Header table" in content
    assert '<a href="#id_history">' in content


def test_a_903_xml_return_is_validated(
    analyst: User, return_files: list[Path], tmp_path: Path
) -> None:
    from safeguard.returns.ssda903.xml import write_903_xml

    tables = {
        name: pl.read_csv(path, infer_schema=False).fill_null("")
        for name, path in zip(("Header", "Episodes"), return_files, strict=True)
    }
    xml = write_903_xml(tables, tmp_path / "return 2026.xml")
    data = {"return_name": "903", "current": [_upload(xml)], "year": "2026"}
    response = signed_in(analyst).post(reverse("returns:validate"), data)
    assert response.status_code == 302
    run = ValidationRun.objects.get()
    assert run.file_names == ["return 2026.xml"]
    report = signed_in(analyst).get(response["Location"])
    # The XML holds every table, so rules over tables the CSVs left out run on it too.
    groups = {g.rule: [r.child for r in g.first] for g in report.context["by_rule"]}
    assert (groups["101"], groups["103"]) == (["1", "2"], ["1"])
    assert "not a line number" not in report.content.decode()


def test_a_minified_903_xml_says_rows_are_positions(
    analyst: User, return_files: list[Path], tmp_path: Path
) -> None:
    from safeguard.returns.ssda903.xml import write_903_xml

    tables = {
        name: pl.read_csv(path, infer_schema=False).fill_null("")
        for name, path in zip(("Header", "Episodes"), return_files, strict=True)
    }
    xml = write_903_xml(tables, tmp_path / "return.xml")
    xml.write_text("".join(line.strip() for line in xml.read_text().splitlines()))
    data = {"return_name": "903", "current": [_upload(xml)], "year": "2026"}
    response = signed_in(analyst).post(reverse("returns:validate"), data)
    assert response.status_code == 302
    report = signed_in(analyst).get(response["Location"]).content.decode()
    assert "position in its table (1 = first), not a line number" in html.unescape(report)


def _errors(response: Any) -> str:
    assert response.status_code == 400
    content = response.content.decode()
    assert "govuk-error-summary" in content
    assert not ValidationRun.objects.exists()
    assert tempfile.gettempdir() not in content  # never the server's path
    return html.unescape(content)


def test_a_file_that_is_no_903_table_is_named_with_the_reason(
    analyst: User, tmp_path: Path, return_files: list[Path]
) -> None:
    notes = tmp_path / "notes.csv"
    notes.write_text("NAME,NOTE\nA,B\n", encoding="utf-8")
    content = _errors(_post_903(signed_in(analyst), [return_files[0], notes]))
    assert "notes.csv: is not a known SSDA903 table (columns NAME, NOTE)" in content
    assert '<a href="#id_current">' in content


def test_a_table_twice_names_both_files(analyst: User, return_files: list[Path]) -> None:
    second = _upload(return_files[0], "header copy.csv")
    data = {"return_name": "903", "current": [_upload(return_files[0]), second]}
    content = _errors(signed_in(analyst).post(reverse("returns:validate"), data))
    assert "header copy.csv: is a second Header table (the first was header.csv)" in content


def test_an_unusable_file_of_last_year_is_shown_on_that_question(
    analyst: User, tmp_path: Path, return_files: list[Path]
) -> None:
    bad = tmp_path / "old.csv"
    bad.write_bytes(b"\x00\x01binary")
    content = _errors(_post_903(signed_in(analyst), return_files, previous=[_upload(bad)]))
    assert "old.csv (last year's): is not a CSV text file (it contains binary data)" in content
    assert '<a href="#id_previous">' in content


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"return_name": "903"}, "Choose the return's files"),
        ({"current": "__file__"}, "Select which return the files are"),
        ({"return_name": "903", "current": "__empty__"}, "A file you chose is empty"),
        ({"return_name": "903", "current": "__file__", "year": "26"}, "Enter a year from 2000"),
        (
            {"return_name": "903", "current": "__file__", "year": "2011"},
            "no ssda903 rules for collection year 2010/11",
        ),
        (
            {"return_name": "cin", "current": "__two__"},
            "A CIN census is one XML file: choose one file",
        ),
        (
            {"return_name": "cin", "current": "__file__", "history": "__other__"},
            "Earlier years' Episodes files are for the SSDA903 only: remove them",
        ),
    ],
    ids=[
        "no files",
        "no return",
        "empty file",
        "bad year",
        "year not held",
        "two cin files",
        "cin history",
    ],
)
def test_form_problems_are_summarised(
    analyst: User, return_files: list[Path], data: dict[str, str], message: str
) -> None:
    files = {
        "__file__": [_upload(return_files[0])],
        "__empty__": [SimpleUploadedFile("empty.csv", b"")],
        "__two__": [_upload(return_files[0]), _upload(return_files[1])],
        "__other__": [_upload(return_files[1])],
    }
    posted: dict[str, Any] = {k: files.get(v, v) for k, v in data.items()}
    content = _errors(signed_in(analyst).post(reverse("returns:validate"), posted))
    assert message in content


def test_a_cin_census_is_validated(analyst: User) -> None:
    xml = cin_document(cin_child("C1"), cin_child("C2", sex="Q")).encode()
    data = {"return_name": "cin", "current": [SimpleUploadedFile("cin 2026.xml", xml)]}
    response = signed_in(analyst).post(reverse("returns:validate"), data)
    assert response.status_code == 302
    run = ValidationRun.objects.get()
    assert (run.return_name, run.year) == ("cin", "2025/26")
    assert run.file_names == ["cin 2026.xml"]
    issues = issues_of(run)
    assert "C2" in issues.get_column("child").to_list()
    page = signed_in(analyst).get(response["Location"])
    assert page.status_code == 200
    assert "CIN census 2025/26: validation report" in page.content.decode()


def test_a_file_that_is_not_xml_is_refused_as_a_cin_census(analyst: User) -> None:
    data = {"return_name": "cin", "current": [SimpleUploadedFile("cin.xml", b"CHILD,SEX\n1,F\n")]}
    content = _errors(signed_in(analyst).post(reverse("returns:validate"), data))
    assert "cin.xml: " in content


# --- the files are not kept ------------------------------------------------------------------


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where Python's temporary files go during the test, to see what is left behind."""
    folder = tmp_path / "server-tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.mark.parametrize("in_memory", [True, False], ids=["small uploads", "large uploads"])
def test_uploaded_files_are_removed_after_the_run(
    analyst: User,
    return_files: list[Path],
    private_tmp: Path,
    monkeypatch: pytest.MonkeyPatch,
    settings: Any,
    in_memory: bool,
) -> None:
    # Django keeps a large upload in a temporary file of its own until the request ends.
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440 if in_memory else 0
    seen: list[Path] = []
    during: list[Path] = []
    real = validation.validate_903

    def spy(
        paths: list[Path], previous: list[Path], year: str | None, **options: Any
    ) -> tuple[Any, Result]:
        seen.extend(Path(p) for p in paths)
        assert all(p.is_file() and p.is_relative_to(private_tmp) for p in seen)
        assert (seen[0].parent.stat().st_mode & 0o077) == 0  # nobody else may read them
        during.extend(private_tmp.iterdir())
        return real(paths, previous, year, **options)

    monkeypatch.setattr(validation, "validate_903", spy)
    assert _post_903(signed_in(analyst), return_files).status_code == 302
    assert len(seen) == 2
    assert len(during) == (1 if in_memory else 3)  # our folder, and Django's two files
    assert not any(p.exists() for p in seen)
    assert list(private_tmp.iterdir()) == []


def test_uploaded_files_are_removed_when_they_are_unusable(
    analyst: User, tmp_path: Path, private_tmp: Path
) -> None:
    notes = tmp_path / "notes.csv"
    notes.write_text("NAME,NOTE\nA,B\n", encoding="utf-8")
    _errors(_post_903(signed_in(analyst), [notes]))
    assert list(private_tmp.iterdir()) == []


# --- downloads -------------------------------------------------------------------------------


def test_downloads_are_the_whole_report(analyst: User, run: ValidationRun) -> None:
    client = signed_in(analyst)

    def get(file_format: str) -> Any:
        response = client.get(reverse("returns:run_download", args=[run.pk, file_format]))
        assert response.status_code == 200
        assert response["Content-Disposition"] == (
            f'attachment; filename="ssda903-2025-26-validation-{run.pk}.{file_format}"'
        )
        assert "no-store" in response["Cache-Control"]
        return response

    report = json.loads(get("json").content)
    assert report["return"] == "SSDA903"
    assert report["files"] == {"Header": "header.csv", "Episodes": "episodes.csv"}
    assert [(i["rule"], i["child"], i["row"]) for i in report["issues"]] == [
        ("101", "1", 2),
        ("101", "2", 3),
        ("103", "1", 2),
    ]
    assert len(report["rules_run"]) == run.rules_run
    assert len(report["rules_not_implemented"]) == run.rules_not_implemented

    lines = list(csv.DictReader(io.StringIO(get("csv").content.decode())))
    assert [(line["rule"], line["type"]) for line in lines[:3]] == [
        ("101", "error"),
        ("101", "error"),
        ("103", "error"),
    ]
    assert lines[0]["values"] == "X"
    # The rules not run are listed after the issues; not implemented ones keep their fields.
    not_implemented = [line for line in lines if line["type"] == "not implemented"]
    assert [(line["rule"], line["fields"]) for line in not_implemented] == [
        (entry["rule"], "; ".join(entry["fields"]))
        for entry in run.summary["rules_not_implemented"]
    ]
    assert len(not_implemented) == run.rules_not_implemented

    workbook = openpyxl.load_workbook(io.BytesIO(get("xlsx").content), read_only=True)
    assert workbook.sheetnames == ["Summary", "By child", "Rules not run"]
    by_child = list(workbook["By child"].iter_rows(values_only=True))
    assert by_child[1:] == [
        ("1", "101", "error", "Header", 2, "SEX=X", SEX_MESSAGE),
        ("1", "103", "error", "Header", 2, "ETHNIC=XXXX", by_child[2][6]),
        ("2", "101", "error", "Header", 3, "SEX=X", SEX_MESSAGE),
    ]
    summary = {row[0]: row[1] for row in workbook["Summary"].iter_rows(values_only=True)}
    assert summary["File (Header)"] == "header.csv"

    assert client.get(f"/returns/runs/{run.pk}/report.pdf").status_code == 404


# --- who may see what ------------------------------------------------------------------------


def _every_url(run: ValidationRun) -> list[str]:
    return [
        reverse("returns:validate"),
        reverse("returns:check"),
        reverse("returns:run", args=[run.pk]),
        reverse("returns:run_rule", args=[run.pk, "101"]),
        *(reverse("returns:run_download", args=[run.pk, f]) for f in ("xlsx", "csv", "json")),
    ]


@pytest.mark.parametrize(
    "role", ["social_worker", "team_manager", "expert_adviser", "quality_lead"]
)
def test_other_roles_are_refused_every_page(
    run: ValidationRun, return_files: list[Path], role: str
) -> None:
    client = signed_in(UserFactory(username=f"someone.{role}", role=role))
    for url in _every_url(run):
        assert client.get(url).status_code == 403, url
    assert _post_903(client, return_files).status_code == 403
    assert (
        client.post(reverse("returns:check"), {"return_name": "903", "year": "2026"}).status_code
        == 403
    )
    assert ValidationRun.objects.count() == 1
    assert (
        'href="/returns/validate/"' not in client.get(reverse("casework:caseload")).content.decode()
    )


def test_a_social_worker_is_refused(social_worker: User, run: ValidationRun) -> None:
    client = signed_in(social_worker)
    for url in _every_url(run):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "You cannot do that" in response.content.decode()
        assert SEX_MESSAGE not in response.content.decode()


@pytest.mark.parametrize("role", ["performance_analyst", "director"])
def test_another_analyst_or_director_cannot_see_my_run(run: ValidationRun, role: str) -> None:
    client = signed_in(UserFactory(username=f"another.{role}", role=role))
    for url in _every_url(run)[2:]:
        assert client.get(url).status_code == 404, url
    assert client.get(reverse("returns:validate")).status_code == 200
    assert (
        f"/returns/runs/{run.pk}/" not in client.get(reverse("returns:validate")).content.decode()
    )


def test_a_system_administrator_may_see_any_run(
    system_administrator: User, run: ValidationRun
) -> None:
    client = signed_in(system_administrator)
    for url in _every_url(run):
        assert client.get(url).status_code == 200, url


def test_the_analyst_sees_the_returns_link_and_their_runs(
    analyst: User, run: ValidationRun
) -> None:
    client = signed_in(analyst)
    home = client.get(reverse("casework:caseload")).content.decode()
    assert 'href="/returns/validate/"' in home
    page = client.get(reverse("returns:validate")).content.decode()
    assert f'href="/returns/runs/{run.pk}/"' in page


def test_a_run_is_recorded_only_for_a_user_who_may_validate(social_worker: User) -> None:
    from django.core.exceptions import PermissionDenied

    empty = Result("2025/26", (), (), (), pl.DataFrame())
    with pytest.raises(PermissionDenied):
        validation_run_record(
            acting_user=social_worker, return_name="903", source="upload", result=empty, files={}
        )


# --- checking our own records before export --------------------------------------------------


@cache
def _demo_authority() -> SynthAuthority:
    return generate("demo", 3, 3, date(2026, 11, 20))


@pytest.fixture
def our_records(db: None) -> None:
    load_authority(_demo_authority())


def test_check_page_asks_for_return_and_year(analyst: User) -> None:
    response = signed_in(analyst).post(reverse("returns:check"), {"return_name": "903"})
    content = _errors(response)
    assert "Enter the collection year" in content


def test_our_903_is_checked_and_issues_link_to_the_childs_record(
    analyst: User, our_records: None
) -> None:
    # Break one looked-after child's record: a sex the SSDA903 does not allow.
    header = build_903_tables(records_from_database(), 2026)["Header"]
    broken = Person.objects.get(la_person_id=header.get_column("CHILD")[0])
    Person.objects.filter(pk=broken.pk).update(sex="X")
    client = signed_in(analyst)
    response = client.post(reverse("returns:check"), {"return_name": "903", "year": "2026"})
    assert response.status_code == 302
    run = ValidationRun.objects.get()
    assert (run.source, run.return_name, run.year, run.rules_failed) == (
        "records",
        "903",
        "2025/26",
        0,
    )
    # Earlier years' Episodes were built too, so the care leaver rules see earlier care.
    assert "Episodes_history" in run.summary["files"]
    assert not {"1000", "1001", "1002", "199"} & set(
        pl.read_parquet(io.BytesIO(run.issues))["rule"]
    )
    # Last year's return was built too, so no cross-year rule was skipped for want of it.
    assert not [
        s
        for s in run.summary["rules_skipped"]
        if any(t.endswith("_last") for t in s["missing_tables"])
    ]
    rule_page = client.get(reverse("returns:run_rule", args=[run.pk, "101"]))
    assert rule_page.status_code == 200
    assert [(r.child, link) for r, link in rule_page.context["rows"]] == [
        (broken.la_person_id, reverse("casework:child", args=[broken.pk]))
    ]
    report = client.get(response["Location"])
    assert report.status_code == 200
    assert "Built from Safeguard's records" in report.content.decode()
    links = [link for group, link in report.context["children"]]
    assert links and all(link and link.startswith("/children/") for link in links)


def test_our_cin_census_is_checked(analyst: User, our_records: None) -> None:
    client = signed_in(analyst)
    response = client.post(reverse("returns:check"), {"return_name": "cin", "year": "2026"})
    assert response.status_code == 302
    run = ValidationRun.objects.get()
    assert (run.source, run.return_name, run.year, run.rules_failed) == (
        "records",
        "cin",
        "2025/26",
        0,
    )
    assert run.rules_run > 100
    assert client.get(response["Location"]).status_code == 200


# --- a large report stays a few groups and a page of rows --------------------------------------


def _many_issues(count: int, children: int) -> Result:
    """`count` issues of three rules spread over `children` children, as the engine reports."""
    index = pl.int_range(count, eager=True)
    rules = pl.Series(["101", "103", "8840Q"]).gather(index % 3)
    issues = pl.DataFrame(
        {
            "rule": rules,
            "type": pl.Series(["error", "error", "query"]).gather(index % 3),
            "child": (index % children).cast(pl.String).str.zfill(5),
            "table": pl.Series(["Header"] * count),
            "row": index + 2,
            "fields": pl.Series([["SEX"]] * count, dtype=pl.List(pl.String)),
            "values": pl.Series([[None]] * count, dtype=pl.List(pl.String)),
            "message": pl.Series(["sex", "ethnicity", "query"]).gather(index % 3),
        }
    ).sort("rule", maintain_order=True)
    not_implemented = (
        CatalogueEntry("999", "A rule not written yet.", ("DOB", "SEX"), ("Header",)),
    )
    return Result(
        "2025/26",
        ("101", "103", "8840Q"),
        (Skipped("131", ("OC3",)),),
        (Failed("205", "KeyError: 'X'"),),
        issues,
        not_implemented,
    )


def test_a_large_report_shows_groups_and_one_page_of_children(analyst: User) -> None:
    result = _many_issues(6_000, 300)
    run = validation_run_record(
        acting_user=analyst, return_name="903", source="upload", result=result, files={}
    )
    assert (run.errors, run.queries, run.rules_failed) == (4_000, 2_000, 1)
    stored = result_of(run)
    # The downloads are written from this: everything the engine said comes back.
    for name in ("year", "rules_run", "rules_skipped", "rules_failed", "rules_not_implemented"):
        assert getattr(stored, name) == getattr(result, name), name
    assert stored.issues.equals(result.issues)

    client = signed_in(analyst)
    response = client.get(reverse("returns:run", args=[run.pk]), {"page": "2"})
    assert response.status_code == 200
    assert [(g.rule, g.count, len(g.first)) for g in response.context["by_rule"]] == [
        ("101", 2_000, 3),
        ("103", 2_000, 3),
        ("8840Q", 2_000, 3),
    ]
    page = response.context["page"]
    assert (page.number, page.count, page.total) == (2, 12, 300)
    groups = [group for group, _ in response.context["children"]]
    assert [g.child for g in groups] == [f"{n:05d}" for n in range(25, 50)]
    assert all(g.count == 20 and len(g.issues) == 20 for g in groups)
    content = response.content.decode()
    assert content.count("<table") == 1 + 25  # the rules, and one table per child on the page
    assert "KeyError: &#x27;X&#x27;" in content  # the failed rule and why, never hidden
    assert "Children 26 to 50 of 300" in content
    assert 'href="?page=3#by-child"' in content

    # Past the last page is the last page; rubbish is the first.
    assert (
        client.get(reverse("returns:run", args=[run.pk]), {"page": "99"}).context["page"].number
        == 12
    )
    assert (
        client.get(reverse("returns:run", args=[run.pk]), {"page": "x"}).context["page"].number == 1
    )
    rule_page = client.get(reverse("returns:run_rule", args=[run.pk, "8840Q"]), {"page": "20"})
    assert rule_page.context["page"].number == 20
    assert [row.row for row, _ in rule_page.context["rows"]] == [
        3 * k + 4 for k in range(1_900, 2_000)
    ]


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    analyst: User, return_files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(returns_forms, "MAX_FILE_BYTES", 100)
    monkeypatch.setattr(returns_forms, "MAX_UPLOAD_MB", 0)
    monkeypatch.setattr(validation, "validate_903", None)  # reading it would fail the test
    content = _errors(_post_903(signed_in(analyst), return_files))
    assert "header.csv is 0 MB: each file must be 0 MB or smaller" in content


def test_checking_a_year_with_no_rules_says_so(analyst: User) -> None:
    response = signed_in(analyst).post(
        reverse("returns:check"), {"return_name": "903", "year": "2011"}
    )
    content = _errors(response)
    assert "no ssda903 rules for collection year 2010/11" in content


def test_nobody_signed_out_reaches_a_returns_page(run: ValidationRun) -> None:
    for url in _every_url(run):
        response = Client().get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("access:sign_in")), url
