"""The SSDA903 return as XML: written valid against the 2021 XSD, read back into exactly the
tables the CSV files give, validated with the same issues, and hostile files refused with exit 2,
the file named and memory bounded."""

from __future__ import annotations

import json
import re
import tracemalloc
from collections import Counter
from pathlib import Path

import polars as pl
import pytest
from lxml import etree
from polars.testing import assert_frame_equal

from safeguard.cli import main
from safeguard.returns.engine import ROW
from safeguard.returns.ssda903 import xml as xml_module
from safeguard.returns.ssda903.reader import TABLES, UnusableInput, read_903
from safeguard.returns.ssda903.xml import NOT_IN_XML, XML_TABLES, read_903_xml, write_903_xml
from tests.returns.hostile import MB, refused_in_bounded_memory

XSD = Path(__file__).resolve().parents[3] / "src/safeguard/returns/ssda903/schemas"


def _frame(table: str, rows: list[dict[str, str]]) -> pl.DataFrame:
    """A string-valued table with the CSV columns (blank ""), as the 903 writer builds them."""
    columns = list(TABLES[table]) + (["UASC"] if rows and "UASC" in rows[0] else [])
    return pl.DataFrame(
        {c: [row.get(c, "") for row in rows] for c in columns},
        schema=dict.fromkeys(columns, pl.String),
    )


def small_return(*, uasc_flag: bool = True) -> dict[str, pl.DataFrame]:
    """Three children whose rows fill every table the XML holds, plus SWEpisodes (CSV only)."""
    header = [
        {"CHILD": "C1", "SEX": "F", "DOB": "01/02/2012", "ETHNIC": "wbri", "UPN": "A123456789012"},
        {"CHILD": "C2", "SEX": "M", "DOB": "03/04/2008", "ETHNIC": "AOTH", "UPN": "UN2"},
        {"CHILD": "C3", "SEX": "F", "DOB": "05/06/2021", "ETHNIC": "MWBC", "UPN": "UN1"},
    ]
    header[0] |= {"MOTHER": "1", "MC_DOB": "07/08/2025"}
    header[2] |= {"MOTHER": "0"}
    if uasc_flag:
        for row, flag in zip(header, ("0", "1", "0"), strict=True):
            row["UASC"] = flag
    episode = {"RNE": "S", "LS": "C2", "CIN": "N1", "PLACE_PROVIDER": "PR1"}
    return {
        "Header": _frame("Header", header),
        "Episodes": _frame(
            "Episodes",
            [
                {
                    **episode,
                    "CHILD": "C1",
                    "DECOM": "01/04/2025",
                    "PLACE": "U1",
                    "DEC": "01/07/2025",
                    "REC": "X1",
                    "REASON_PLACE_CHANGE": "CARPL",
                    "HOME_POST": "B1 1AA",
                    "PL_POST": "B2 2BB",
                },
                {**episode, "CHILD": "C1", "DECOM": "01/07/2025", "RNE": "P", "PLACE": "U3"},
                {
                    **episode,
                    "CHILD": "C2",
                    "DECOM": "10/05/2025",
                    "LS": "V2",
                    "CIN": "N2",
                    "PLACE": "K2",
                    "PLACE_PROVIDER": "PR2",
                    "URN": "SC123456",
                    "DEC": "02/04/2025",
                    "REC": "E13",
                },
                {
                    **episode,
                    "CHILD": "C3",
                    "DECOM": "01/05/2025",
                    "LS": "E1",
                    "PLACE": "A3",
                    "DEC": "01/03/2026",
                    "REC": "E11",
                },
            ],
        ),
        "Reviews": _frame(
            "Reviews",
            [
                {"CHILD": "C1", "DOB": "01/02/2012", "REVIEW": "01/06/2025", "REVIEW_CODE": "PN1"},
                {"CHILD": "C1", "DOB": "01/02/2012", "REVIEW": "01/12/2025", "REVIEW_CODE": "pn2"},
            ],
        ),
        "UASC": _frame("UASC", [{"CHILD": "C2", "SEX": "M", "DOB": "03/04/2008", "DUC": ""}]),
        "Missing": _frame(
            "Missing",
            [
                {
                    "CHILD": "C1",
                    "DOB": "01/02/2012",
                    "MISSING": "M",
                    "MIS_START": "05/05/2025",
                    "MIS_END": "06/05/2025",
                },
                {"CHILD": "C1", "DOB": "01/02/2012", "MISSING": "A", "MIS_START": "09/09/2025"},
            ],
        ),
        "OC2": _frame(
            "OC2",
            [
                {
                    "CHILD": "C1",
                    "DOB": "01/02/2012",
                    "SDQ_SCORE": "12",
                    "CONVICTED": "0",
                    "HEALTH_CHECK": "1",
                    "IMMUNISATIONS": "1",
                    "TEETH_CHECK": "1",
                    "HEALTH_ASSESSMENT": "1",
                    "SUBSTANCE_MISUSE": "0",
                }
            ],
        ),
        "OC3": _frame(
            "OC3",
            [{"CHILD": "C2", "DOB": "03/04/2008", "IN_TOUCH": "YES", "ACTIV": "F2", "ACCOM": "B1"}],
        ),
        "AD1": _frame(
            "AD1",
            [
                {
                    "CHILD": "C3",
                    "DOB": "05/06/2021",
                    "DATE_INT": "01/06/2025",
                    "DATE_MATCH": "01/09/2025",
                    "FOSTER_CARE": "0",
                    "NB_ADOPTR": "2",
                    "SEX_ADOPTR": "MF",
                    "LS_ADOPTR": "L0",
                }
            ],
        ),
        "PlacedAdoption": _frame(
            "PlacedAdoption",
            [{"CHILD": "C3", "DOB": "05/06/2021", "DATE_PLACED": "01/06/2025"}],
        ),
        "PrevPerm": _frame(
            "PrevPerm",
            [{"CHILD": "C2", "DOB": "03/04/2008", "PREV_PERM": "Z1", "LA_PERM": ""}],
        ),
        "SWEpisodes": _frame(
            "SWEpisodes",
            [
                {
                    "CHILD": "C1",
                    "DOB": "01/02/2012",
                    "SW_ID": "sw1",
                    "SW_DECOM": "01/04/2025",
                    "SW_REASON": "OTHERS",
                }
            ],
        ),
    }


def write_csvs(tables: dict[str, pl.DataFrame], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, frame in tables.items():
        path = folder / f"{name.lower()}.csv"
        frame.write_csv(path)
        paths.append(path)
    return paths


def _lines_of(path: Path, tag: str) -> list[int]:
    return [n for n, line in enumerate(path.read_text().splitlines(), 1) if f"<{tag}>" in line]


def test_xml_reads_back_as_the_csv_files_read(tmp_path: Path) -> None:
    tables = small_return()
    xml = write_903_xml(tables, tmp_path / "return.xml")
    sw = write_csvs({"SWEpisodes": tables["SWEpisodes"]}, tmp_path / "sw")

    from_xml = read_903([xml, *sw], year="2025/26")
    from_csv = read_903(write_csvs(tables, tmp_path / "csv"), year="2025/26")

    assert set(from_xml.tables) == set(from_csv.tables) == {*XML_TABLES, "SWEpisodes"}
    for name, frame in from_csv.tables.items():
        assert_frame_equal(from_xml.tables[name].drop(ROW), frame.drop(ROW))
        assert from_xml.tables[name].schema == frame.schema
    assert from_xml.tables["Header"]["ETHNIC"][0] == "WBRI"  # codes upper-cased as from CSV
    assert from_xml.tables["Episodes"].height == 4
    assert from_xml.files["Episodes"] == str(xml)
    assert from_xml.files["SWEpisodes"] == str(sw[0])


def test_rows_are_the_lines_where_the_elements_start(tmp_path: Path) -> None:
    xml = write_903_xml(small_return(), tmp_path / "return.xml")
    tables = read_903([xml], year="2025/26").tables

    by_element = {
        "Header": "HEADER",
        "Episodes": "EPISODE",
        "Reviews": "AREVIEW",
        "Missing": "AMISSING",
        "OC2": "OC2",
        "PrevPerm": "PERMANENCE",
        "PlacedAdoption": "AD_PLACED",
        "UASC": "UASC",  # the first field of the row that is given
        "OC3": "IN_TOUCH",
        "AD1": "DATE_INT",
    }
    for table, tag in by_element.items():
        lines = _lines_of(xml, tag)
        if table in ("UASC",):
            lines = [lines[1]]  # C2's flag; C1 and C3 are not UASC
        assert sorted(tables[table][ROW].to_list()) == lines, table


def test_written_file_is_valid_against_the_2021_xsd(tmp_path: Path) -> None:
    xml = write_903_xml(small_return(), tmp_path / "return.xml")
    schema = etree.XMLSchema(etree.parse(str(XSD / "SSDA903_CLA_2021.xsd")))
    schema.assertValid(etree.parse(str(xml)))
    text = xml.read_text()
    assert "<PL>U1</PL>" in text and "<DEC>01/07/2025</DEC>" in text
    assert "SW_" not in text  # SWEpisodes has no place in the 2021 XML
    assert set(NOT_IN_XML) == {"SWEpisodes", "DoLo"}


def test_header_uasc_flag_is_derived_when_the_header_lacks_it(tmp_path: Path) -> None:
    tables = small_return(uasc_flag=False)
    xml = write_903_xml(tables, tmp_path / "return.xml")
    from_xml = read_903([xml], year="2025/26").tables
    from_csv = read_903(write_csvs(tables, tmp_path / "csv"), year="2025/26").tables

    assert from_xml["Header"]["UASC"].to_list() == ["0", "1", "0"]
    assert "UASC" not in from_csv["Header"].columns
    assert_frame_equal(from_xml["Header"].drop(ROW, "UASC"), from_csv["Header"].drop(ROW))
    assert_frame_equal(from_xml["UASC"].drop(ROW), from_csv["UASC"].drop(ROW))


def test_uasc_row_needs_a_flag_other_than_0_or_a_date_ceased(tmp_path: Path) -> None:
    tables = small_return()
    xml = write_903_xml(tables, tmp_path / "return.xml")
    text = xml.read_text()
    # C3 is flagged 0 but given a date UASC status ceased: rule 303's case, so a UASC row.
    text = text.replace(
        "<ETHNIC>MWBC</ETHNIC>\n      <UASC>0</UASC>",
        "<ETHNIC>MWBC</ETHNIC>\n      <UASC>0</UASC>\n      <DUC>01/01/2026</DUC>",
    )
    xml.write_text(text)
    uasc = read_903_xml(xml)["UASC"]
    assert uasc["CHILD"].to_list() == ["C2", "C3"]
    assert uasc["DUC__text"].to_list() == [None, "01/01/2026"]


def test_batches_of_children_change_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reader and writer hold rows a batch of children at a time; the batches are invisible."""
    tables = small_return()
    whole = write_903_xml(tables, tmp_path / "whole.xml")
    expected = read_903_xml(whole)
    monkeypatch.setattr(xml_module, "BATCH_CHILDREN", 2)
    batched = write_903_xml(tables, tmp_path / "batched.xml")
    assert batched.read_text() == whole.read_text()
    for name, frame in read_903_xml(batched).items():
        assert_frame_equal(frame, expected[name])


def test_writer_refuses_a_child_twice_in_a_one_a_child_table(tmp_path: Path) -> None:
    tables = small_return()
    tables["OC2"] = pl.concat([tables["OC2"], tables["OC2"]])
    with pytest.raises(ValueError, match="OC2 table has child C1 more than once"):
        write_903_xml(tables, tmp_path / "return.xml")


def test_writer_takes_date_columns_as_dd_mm_yyyy(tmp_path: Path) -> None:
    tables = small_return()
    tables["Reviews"] = tables["Reviews"].with_columns(pl.col("REVIEW").str.to_date("%d/%m/%Y"))
    xml = write_903_xml(tables, tmp_path / "return.xml")
    assert "<REVIEW>01/12/2025</REVIEW>" in xml.read_text()


def _issues(report: dict[str, list[dict[str, object]]]) -> Counter[str]:
    """Each issue without its row (rows are lines of different files), as comparable text."""
    return Counter(
        json.dumps({k: v for k, v in issue.items() if k != "row"}, sort_keys=True)
        for issue in report["issues"]
    )


def test_validate_xml_gives_the_csv_forms_issues(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tables = small_return()
    tables.pop("SWEpisodes")
    tables["Header"] = tables["Header"].with_columns(
        pl.when(pl.col("CHILD") == "C1").then(pl.lit("X")).otherwise(pl.col("SEX")).alias("SEX")
    )
    tables["Episodes"] = tables["Episodes"].with_columns(
        pl.when(pl.col("PLACE") == "K2")
        .then(pl.lit("H5"))
        .otherwise(pl.col("PLACE"))
        .alias("PLACE")
    )
    xml = write_903_xml(tables, tmp_path / "return.xml")
    csvs = write_csvs(tables, tmp_path / "csv")

    assert main(["validate", "903", str(xml), "--format", "json"]) == 1
    from_xml = json.loads(capsys.readouterr().out)
    assert main(["validate", "903", *map(str, csvs), "--format", "json"]) == 1
    from_csv = json.loads(capsys.readouterr().out)

    assert from_xml["year"] == from_csv["year"] == "2025/26"
    assert from_xml["rules_run"] == from_csv["rules_run"]
    assert from_xml["rules_skipped"] == from_csv["rules_skipped"]
    assert from_xml["rules_failed"] == from_csv["rules_failed"] == []
    assert _issues(from_xml) == _issues(from_csv)
    rules = {issue["rule"] for issue in from_xml["issues"]}
    assert {"101", "146"} <= rules
    sex = next(i for i in from_xml["issues"] if i["rule"] == "101")
    assert sex["row"] == _lines_of(xml, "HEADER")[0]
    place = next(i for i in from_xml["issues"] if i["rule"] == "146")
    assert place["row"] == _lines_of(xml, "EPISODE")[2]


def test_value_failures_are_left_to_the_rules(tmp_path: Path) -> None:
    xml = write_903_xml(small_return(), tmp_path / "return.xml")
    xml.write_text(xml.read_text().replace("<DOB>01/02/2012</DOB>", "<DOB>2012-02-01</DOB>"))
    header = read_903_xml(xml)["Header"]
    assert header["DOB"][0] is None
    assert header["DOB__text"][0] == "2012-02-01"


def _minify(xml: Path) -> Path:
    """Rewrite `xml` with every element on one line after the declaration."""
    xml.write_text(re.sub(r">\s+<", "><", xml.read_text()).replace("?><", "?>\n<"))
    return xml


def test_a_minified_file_numbers_rows_by_position(tmp_path: Path) -> None:
    xml = _minify(write_903_xml(small_return(), tmp_path / "return.xml"))
    tables = read_903_xml(xml)
    assert sorted(tables["Episodes"][ROW].to_list()) == [1, 2, 3, 4]
    assert sorted(tables["Header"][ROW].to_list()) == [1, 2, 3]
    # A table of one row is numbered the same way, not by its line (2).
    assert tables["UASC"][ROW].to_list() == [1]
    submission = read_903([xml], year="2025/26")
    assert not submission.rows_are_lines


def test_rows_are_lines_in_a_file_with_an_element_a_line(tmp_path: Path) -> None:
    xml = write_903_xml(small_return(), tmp_path / "return.xml")
    submission = read_903([xml], year="2025/26")
    assert submission.rows_are_lines
    # Only the second child is UASC (flag 1); every HEADER holds a UASC flag.
    assert submission.tables["UASC"][ROW].to_list() == [_lines_of(xml, "UASC")[1]]


@pytest.mark.parametrize("minified", [True, False])
def test_validate_notes_when_rows_are_positions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], minified: bool
) -> None:
    xml = write_903_xml(small_return(), tmp_path / "return.xml")
    if minified:
        _minify(xml)
    main(["validate", "903", str(xml), "--year", "2026", "--format", "json"])
    err = capsys.readouterr().err
    note = f"note: {xml} puts several elements on one line"
    assert (note in err) is minified
    if minified:
        assert "row in that file is the element's position in its table" in err


def test_the_same_table_from_xml_and_csv_is_refused(tmp_path: Path) -> None:
    tables = small_return()
    xml = write_903_xml(tables, tmp_path / "return.xml")
    csvs = write_csvs({"Reviews": tables["Reviews"]}, tmp_path / "csv")
    with pytest.raises(UnusableInput, match="is a second Reviews table"):
        read_903([xml, *csvs], year="2025/26")


# Hostile and broken files.


def document(children: str) -> str:
    return f"<?xml version='1.0' encoding='UTF-8'?>\n<EXPSSDA903>\n{children}</EXPSSDA903>\n"


def child(child_id: str = "C1", sex: str = "<SEX>F</SEX>", extra: str = "") -> str:
    return (
        "<CHILD>\n<HEADER>\n"
        f"<CHILDID>{child_id}</CHILDID>\n<UPN>UN1</UPN>\n{sex}\n<DOB>01/02/2012</DOB>\n"
        "<ETHNIC>WBRI</ETHNIC>\n<UASC>0</UASC>\n</HEADER>\n"
        "<EPISODE>\n<DECOM>01/04/2025</DECOM>\n<RNE>S</RNE>\n<LS>C2</LS>\n<CIN>N1</CIN>\n"
        "<PL>U1</PL>\n<DEC></DEC>\n<REC></REC>\n</EPISODE>\n"
        f"{extra}</CHILD>\n"
    )


BILLION_LAUGHS = (
    """<?xml version="1.0"?>
<!DOCTYPE EXPSSDA903 [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<EXPSSDA903>"""
    + child(child_id="&lol9;")
    + "</EXPSSDA903>\n"
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?>\n'
    '<!DOCTYPE EXPSSDA903 [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
    f"<EXPSSDA903>{child(child_id='&secret;')}</EXPSSDA903>\n"
)
NETWORK_DTD = (
    '<?xml version="1.0"?>\n'
    '<!DOCTYPE EXPSSDA903 SYSTEM "http://example.invalid/903.dtd">\n'
    f"<EXPSSDA903>{child()}</EXPSSDA903>\n"
)

CASES = {
    "empty": ("", "is empty"),
    "not_xml": ("CHILD,SEX,DOB\nC1,F,01/02/2012\n", "is not well-formed XML"),
    "binary": ("\x00\x01\x02PK\x03\x04", "is not well-formed XML"),
    "truncated": (document(child() + child("C2"))[:-150], "is not well-formed XML"),
    "wrong_root": (
        "<?xml version='1.0'?><Message><Children/></Message>",
        "root element <Message>, not <EXPSSDA903>",
    ),
    "billion_laughs": (BILLION_LAUGHS, "DOCTYPE"),
    "external_entity": (EXTERNAL_ENTITY, "DOCTYPE"),
    "network_dtd": (NETWORK_DTD, "DOCTYPE"),
    "undeclared_entity": (document(child(child_id="&secret;")), "entities"),
    "missing_element": (document(child(sex="")), "Element 'DOB': This element is not expected"),
    "element_inside_a_value": (
        document(child(sex="<SEX><MALE/></SEX>")),
        "Element content is not allowed",
    ),
    "no_children": ("<?xml version='1.0'?><EXPSSDA903></EXPSSDA903>", "holds no <CHILD>"),
    "stranger_in_root": (
        document(child() + "<ADULT/>\n"),
        "Element 'ADULT': <EXPSSDA903> may hold only <CHILD>",
    ),
    "sw_episodes_inside_a_child": (
        document(child(extra="<SWEPISODE><SW_ID>1</SW_ID></SWEPISODE>\n")),
        "give them as CSV files beside it",
    ),
    "dolo_inside_a_header": (
        document(child().replace("<UASC>0</UASC>", "<UASC>0</UASC>\n<DOLO_START/>")),
        "Element 'DOLO_START': This element is not expected. Expected is one of ( DUC",
    ),
    "a_child_too_big_to_hold": (
        document(child(extra="<EPISODE/>" * 8000)),
        "a <CHILD> holds more than 7,876 elements, more than the XSD allows",
    ),
    "a_value_too_long_to_hold": (
        document(child().replace("<UPN>UN1</UPN>", f"<UPN>{'9' * 5000}</UPN>")),
        "Element 'UPN': a value of 5,000 characters",
    ),
    "episode_before_header": (
        document(child().replace("<CHILD>\n<HEADER>", "<CHILD>\n<EPISODE/>\n<HEADER>")),
        "Element 'EPISODE': This element is not expected. Expected is ( HEADER )",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_xml_exits_2_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    text, reason = CASES[case]
    path = tmp_path / f"{case}.xml"
    path.write_text(text, encoding="utf-8")

    err = refused_in_bounded_memory(["validate", "903", str(path)], capsys)
    assert str(path) in err
    assert reason in err


def test_structural_failure_names_the_line_and_element(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = document(child() + child("C2", sex=""))
    path = tmp_path / "return.xml"
    path.write_text(text, encoding="utf-8")
    assert main(["validate", "903", str(path)]) == 2
    err = capsys.readouterr().err
    line = [n for n, row in enumerate(text.splitlines(), 1) if row == "<DOB>01/02/2012</DOB>"][1]
    assert f"{path}: fails the SSDA903 XSD (2021) at line {line}: Element 'DOB'" in err
    assert "Expected is ( SEX )" in err


def test_external_entity_content_never_reaches_the_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "xxe.xml"
    path.write_text(EXTERNAL_ENTITY, encoding="utf-8")
    assert main(["validate", "903", "--format", "json", str(path)]) == 2
    captured = capsys.readouterr()
    assert "root:" not in captured.out + captured.err


@pytest.mark.parametrize("prefix", [b"", b"<?xml version='1.0'?>\n<EXPSSDA903>\n"])
def test_2gb_xml_file_is_refused_without_reading_it_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], prefix: bytes
) -> None:
    path = tmp_path / "huge.xml"
    with path.open("wb") as handle:
        handle.write(prefix)
        handle.truncate(2 * 1024**3)  # sparse: 2 GB of zeros, no disk used

    err = refused_in_bounded_memory(["validate", "903", str(path)], capsys)
    assert str(path) in err
    assert "is not well-formed XML" in err


def test_a_large_file_streams_in_bounded_memory(tmp_path: Path) -> None:
    """20,000 children (380,000 lines): the XML tree is never held whole and rows are lines."""
    path = tmp_path / "large.xml"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("<?xml version='1.0'?>\n<EXPSSDA903>\n")
        for number in range(20_000):
            handle.write(child(f"C{number}"))
        handle.write("</EXPSSDA903>\n")

    tracemalloc.start()
    try:
        tables = read_903_xml(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert tables["Header"].height == tables["Episodes"].height == 20_000
    # Each child is 19 lines from line 3: HEADER on its 2nd, EPISODE on its 10th, also past line
    # 65,535, where libxml2 reports lines a line late unless corrected.
    assert tables["Header"][ROW].sort().to_list() == [4 + 19 * n for n in range(20_000)]
    assert tables["Episodes"][ROW].sort().to_list() == [12 + 19 * n for n in range(20_000)]
    assert peak < 64 * MB
