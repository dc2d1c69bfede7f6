"""`safeguard validate 903`: report formats and exit codes (0 clean, 1 issues, 2 unusable)."""

# ruff: noqa: RUF001  (DfE messages use a typographic apostrophe)
from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from safeguard.cli import main
from safeguard.returns.engine import catalogue_for, rules_for
from tests.returns.ssda903.helpers import write_table

CLEAN_HEADER = [
    {
        "CHILD": "1",
        "SEX": "F",
        "DOB": "01/02/2010",
        "ETHNIC": "WBRI",
        "UPN": "A123456789012",
        "MOTHER": "0",
    }
]
EPISODES = [
    {
        "CHILD": "1",
        "DECOM": "01/04/2025",
        "RNE": "S",
        "LS": "C2",
        "CIN": "N1",
        "PLACE": "U1",
        "PLACE_PROVIDER": "PR1",
        "URN": "SC123456",
        "HOME_POST": "B1 1AA",
        "PL_POST": "B2 2BB",
    },
]


def _files(tmp_path: Path, header: list[dict[str, str]]) -> list[str]:
    return [
        str(write_table(tmp_path / "header.csv", "Header", header)),
        str(write_table(tmp_path / "episodes.csv", "Episodes", EPISODES)),
    ]


def test_clean_return_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "903", *_files(tmp_path, CLEAN_HEADER), "--year", "2026"]) == 0
    out = capsys.readouterr().out
    assert "collection year 2025/26" in out
    assert "issues: 0" in out


def test_issues_exit_1_with_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    header = [{**CLEAN_HEADER[0], "SEX": "X", "ETHNIC": "XXXX"}]
    assert main(["validate", "903", *_files(tmp_path, header), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["year"] == "2025/26"  # inferred from DECOM 01/04/2025
    assert "101" in report["rules_run"]
    assert {s["rule"] for s in report["rules_skipped"]} >= {"131", "INT01"}
    assert report["rules_failed"] == []
    issue = next(i for i in report["issues"] if i["rule"] == "101")
    assert issue == {
        "rule": "101",
        "type": "error",
        "child": "1",
        "table": "Header",
        "row": 2,
        "fields": ["SEX"],
        "values": ["X"],
        "message": "The child or young person’s reported sex is not valid.",
    }


def test_csv_report_to_file(tmp_path: Path) -> None:
    header = [{**CLEAN_HEADER[0], "SEX": "X"}]
    out = tmp_path / "report.csv"
    assert (
        main(["validate", "903", *_files(tmp_path, header), "--format", "csv", "--out", str(out)])
        == 1
    )
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    issues = [r for r in rows if r["type"] in {"error", "query"}]
    assert [(r["rule"], r["table"], r["row"], r["values"]) for r in issues] == [
        ("101", "Header", "2", "X")
    ]
    # The rules not run are listed after the issues, so none is silently left out.
    kinds = {r["type"] for r in rows} - {"error", "query"}
    assert kinds == {"skipped"}  # every catalogue rule is implemented: none "not implemented"
    skipped_131 = next(r for r in rows if r["rule"] == "131")
    assert (skipped_131["type"], skipped_131["message"]) == ("skipped", "needs OC3")


def test_every_catalogue_rule_is_accounted_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """run + skipped + failed + not implemented = the DfE catalogue's rules for the year."""
    assert main(["validate", "903", *_files(tmp_path, CLEAN_HEADER), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    catalogue = {e.code for e in catalogue_for("ssda903", "2025/26")}
    assert len(catalogue) == 311
    run = set(report["rules_run"])
    skipped = {s["rule"] for s in report["rules_skipped"]}
    failed = {f["rule"] for f in report["rules_failed"]}
    missing = {n["rule"] for n in report["rules_not_implemented"]}
    assert not (run & skipped) and not ((run | skipped) & missing) and failed == set()
    assert run | skipped | failed | missing == catalogue
    assert len(run) + len(skipped) + len(failed) + len(missing) == 311
    implemented = {r.code for r in rules_for("ssda903", "2025/26")}
    assert missing == catalogue - implemented == set()


def test_table_report_lists_rules_not_implemented(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "903", *_files(tmp_path, CLEAN_HEADER), "--year", "2026"]) == 0
    out = capsys.readouterr().out
    missing = sorted(
        {e.code for e in catalogue_for("ssda903", "2025/26")}
        - {r.code for r in rules_for("ssda903", "2025/26")}
    )
    assert missing == []  # every 2025/26 rule of the DfE catalogue is implemented
    assert "not implemented: 0," in out
    assert "that Safeguard does not check yet" not in out
    for code in missing:
        assert f"\n  {code}: " in out


def test_table_report_groups_by_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    header = [{**CLEAN_HEADER[0], "SEX": "X"}, {**CLEAN_HEADER[0], "CHILD": "2", "SEX": "Q"}]
    assert main(["validate", "903", *_files(tmp_path, header)]) == 1
    out = capsys.readouterr().out
    assert "101 (error, 2 issues): The child or young person’s reported sex is not valid." in out
    assert "  Header row 3, child 2: SEX=Q" in out


def test_unusable_input_exits_2_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "mystery.csv"
    bad.write_text("A,B\n1,2\n")
    assert main(["validate", "903", str(bad), "--year", "2026"]) == 2
    err = capsys.readouterr().err
    assert "mystery.csv" in err and "not a known SSDA903 table" in err


def test_year_without_rules_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "903", *_files(tmp_path, CLEAN_HEADER), "--year", "2020"]) == 2
    assert "no ssda903 rules for collection year 2019/20" in capsys.readouterr().err


def test_year_2027_runs_the_2026_27_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dolo = [{"CHILD": "1", "DOB": "01/02/2010", "DOLO_START": "01/05/2027", "DOLO_END": ""}]
    files = [*_files(tmp_path, CLEAN_HEADER), str(write_table(tmp_path / "d.csv", "DoLo", dolo))]
    assert main(["validate", "903", *files, "--year", "2027", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["year"] == "2026/27"
    assert {"700", "703", "710"} <= set(report["rules_run"])
    assert [i["rule"] for i in report["issues"]] == ["703"]  # starts after 31 March 2027
    accounted = (
        len(report["rules_run"])
        + len(report["rules_skipped"])
        + len(report["rules_failed"])
        + len(report["rules_not_implemented"])
    )
    assert accounted == 322


def _xlsx_rows(path: Path) -> dict[str, list[list[str]]]:
    """Each sheet's rows as text, read from the workbook's XML (no spreadsheet library needed)."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    with zipfile.ZipFile(path) as archive:
        book = etree.fromstring(archive.read("xl/workbook.xml"))
        names = [s.get("name") for s in book.iterfind("m:sheets/m:sheet", ns)]
        assert [s.get(rel) for s in book.iterfind("m:sheets/m:sheet", ns)] == [
            f"rId{i}" for i in range(1, len(names) + 1)
        ]
        shared = etree.fromstring(archive.read("xl/sharedStrings.xml"))
        strings = ["".join(si.itertext()) for si in shared.iterfind("m:si", ns)]
        sheets = {}
        for i, name in enumerate(names, start=1):
            root = etree.fromstring(archive.read(f"xl/worksheets/sheet{i}.xml"))
            sheets[name] = [
                [
                    strings[int(c.findtext("m:v", namespaces=ns))]
                    if c.get("t") == "s"
                    else "".join(c.itertext())
                    for c in row.iterfind("m:c", ns)
                ]
                for row in root.iterfind("m:sheetData/m:row", ns)
            ]
    return sheets


def test_xlsx_report_has_summary_by_child_and_rules_not_run(tmp_path: Path) -> None:
    header = [
        {**CLEAN_HEADER[0], "SEX": "X"},
        {**CLEAN_HEADER[0], "CHILD": "2", "SEX": "Q", "ETHNIC": "NOPE", "UPN": "UN1"},
    ]
    out = tmp_path / "report.xlsx"
    files = _files(tmp_path, header)
    assert main(["validate", "903", *files, "--format", "xlsx", "--out", str(out)]) == 1
    sheets = _xlsx_rows(out)
    assert list(sheets) == ["Summary", "By child", "Rules not run"]
    summary = sheets["Summary"]
    assert ["Issues", "5"] in summary  # also 209 (UN1 at school age) and EPI (no episodes)
    assert [
        "101",
        "error",
        "The child or young person’s reported sex is not valid.",
        "2",
    ] in summary
    assert [
        "103",
        "error",
        "The ethnicity code is either not valid or has not been entered.",
        "1",
    ] in (summary)
    by_child = sheets["By child"]
    assert by_child[0] == ["Child", "Rule", "Type", "Table", "Row", "Values", "Message"]
    assert [r[:6] for r in by_child[1:] if r[1] in {"101", "103"}] == [
        ["1", "101", "error", "Header", "2", "SEX=X"],
        ["2", "101", "error", "Header", "3", "SEX=Q"],
        ["2", "103", "error", "Header", "3", "ETHNIC=NOPE"],
    ]
    assert [r[0] for r in by_child[1:]] == ["1", "2", "2", "2", "2"]
    not_run = sheets["Rules not run"]
    statuses = {r[1] for r in not_run[1:]}
    assert statuses == {"skipped"}  # every catalogue rule is implemented
    implemented = {r.code for r in rules_for("ssda903", "2025/26")}
    missing = {e.code for e in catalogue_for("ssda903", "2025/26")} - implemented
    assert {r[0] for r in not_run[1:] if r[1] == "not implemented"} == missing


def test_xlsx_needs_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "903", *_files(tmp_path, CLEAN_HEADER), "--format", "xlsx"]) == 2
    assert "--format xlsx needs --out FILE" in capsys.readouterr().err


def test_la_code_lets_the_council_rules_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --la-code rule 1015 is skipped with the reason; with it, the rule runs."""
    files = [
        str(write_table(tmp_path / "header.csv", "Header", CLEAN_HEADER)),
        str(write_table(tmp_path / "episodes.csv", "Episodes", [{**EPISODES[0], "PL_LA": "330"}])),
    ]
    main(["validate", "903", *files, "--year", "2026", "--format", "json"])
    without = json.loads(capsys.readouterr().out)
    skipped = {s["rule"]: s for s in without["rules_skipped"]}
    assert "1015" in skipped
    assert "1015" not in without["rules_run"]
    main(["validate", "903", *files, "--year", "2026", "--format", "json", "--la-code", "330"])
    with_code = json.loads(capsys.readouterr().out)
    assert "1015" in with_code["rules_run"]


def test_la_code_is_refused_for_cin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cin.xml"
    path.write_text("<Message/>", encoding="utf-8")
    assert main(["validate", "cin", str(path), "--la-code", "330"]) == 2
    assert "--la-code is for 903 returns only" in capsys.readouterr().err


def test_history_clears_rule_1002_for_care_before_last_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A care leaver whose care ended in 2023 is flagged by 1001/1002 from this year's and last
    year's files alone (as the DfE's note warns); with --history holding that care, not."""
    leaver = {"CHILD": "2", "SEX": "M", "DOB": "10/06/2007", "ETHNIC": "WBRI"}
    files = [
        str(write_table(tmp_path / "header.csv", "Header", [*CLEAN_HEADER, leaver])),
        str(write_table(tmp_path / "episodes.csv", "Episodes", EPISODES)),
        str(
            write_table(
                tmp_path / "oc3.csv",
                "OC3",
                [
                    {
                        "CHILD": "2",
                        "DOB": "10/06/2007",
                        "IN_TOUCH": "YES",
                        "ACTIV": "F1",
                        "ACCOM": "S2",
                    }
                ],
            )
        ),
    ]
    previous = str(write_table(tmp_path / "episodes_last.csv", "Episodes", EPISODES))
    earlier = str(
        write_table(
            tmp_path / "episodes_2024.csv",
            "Episodes",
            [
                {
                    **EPISODES[0],
                    "CHILD": "2",
                    "DECOM": "01/02/2018",
                    "DEC": "10/09/2023",
                    "REC": "E8",
                }
            ],
        )
    )
    args = ["validate", "903", *files, "--previous", previous, "--year", "2026", "--format", "json"]
    main(args)
    without = json.loads(capsys.readouterr().out)
    assert {"1001", "1002"} <= {i["rule"] for i in without["issues"] if i["child"] == "2"}
    main([*args, "--history", earlier])
    with_history = json.loads(capsys.readouterr().out)
    assert {"1001", "1002"} <= set(with_history["rules_run"])
    assert not {"1001", "1002"} & {i["rule"] for i in with_history["issues"]}


def test_history_of_another_table_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = _files(tmp_path, CLEAN_HEADER)
    assert main(["validate", "903", *files, "--history", files[0]]) == 2
    assert "header.csv: holds the Header table" in capsys.readouterr().err


def test_history_is_refused_for_cin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cin.xml"
    path.write_text("<Message/>", encoding="utf-8")
    assert main(["validate", "cin", str(path), "--history", str(path)]) == 2
    assert "--history is for 903 returns only" in capsys.readouterr().err
