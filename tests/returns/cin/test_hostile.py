"""Hostile and broken CIN census files (and huge SSDA903 files): each is refused through the CLI
with exit code 2 and a message naming the file and why, with memory bounded and nothing crashing."""

from __future__ import annotations

from pathlib import Path

import pytest

from safeguard.cli import main
from tests.returns.cin.helpers import HEADER, child, clean_child, document
from tests.returns.hostile import refused_in_bounded_memory

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE Message [
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
<Message><Children><Child><ChildIdentifiers><LAchildID>&lol9;</LAchildID>
</ChildIdentifiers></Child></Children></Message>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE Message [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<Message><Children><Child><ChildIdentifiers><LAchildID>&secret;</LAchildID>
</ChildIdentifiers></Child></Children></Message>
"""
NETWORK_DTD = """<?xml version="1.0"?>
<!DOCTYPE Message SYSTEM "http://example.invalid/cin.dtd">
<Message><Children/></Message>
"""
UNDECLARED_ENTITY = document(child(child_id="&secret;"))
MISSING_SEX = document(child()).replace("<Sex>F</Sex>", "")
OUT_OF_ORDER = document(child()).replace(
    "<ReferralNFA>0</ReferralNFA>", ""
)  # ReferralNFA is required in every CINdetails

CASES = {
    "empty": ("", "is empty"),
    "not_xml": ("CHILD,SEX,DOB\n1,F,01/02/2010\n", "is not well-formed XML"),
    "binary": ("\x00\x01\x02PK\x03\x04", "is not well-formed XML"),
    "truncated": (document(child())[:-200], "is not well-formed XML"),
    "wrong_root": ("<?xml version='1.0'?><Return><Children/></Return>", "root element <Return>"),
    "billion_laughs": (BILLION_LAUGHS, "DOCTYPE"),
    "external_entity": (EXTERNAL_ENTITY, "DOCTYPE"),
    "network_dtd": (NETWORK_DTD, "DOCTYPE"),
    "undeclared_entity": (UNDECLARED_ENTITY, "entities"),
    "xsd_missing_element": (MISSING_SEX, "fails the CIN census XSD at line"),
    "xsd_missing_referral_nfa": (OUT_OF_ORDER, "ReferralNFA"),
    "element_inside_a_value": (
        document(child()).replace("<Sex>F</Sex>", "<Sex><Male/></Sex>"),
        "Element content is not allowed",
    ),
    "no_children": (
        "<?xml version='1.0'?><Message><Header/></Message>",
        "has no <Children>",
    ),
    "stranger_in_children": (
        f"<?xml version='1.0'?><Message>{HEADER}<Children><Adult/></Children></Message>",
        "not <Adult>",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_cin_file_exits_2_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    text, reason = CASES[case]
    path = tmp_path / f"{case}.xml"
    path.write_text(text, encoding="utf-8")

    err = refused_in_bounded_memory(["validate", "cin", str(path)], capsys)
    assert str(path) in err
    assert reason in err


def test_external_entity_content_never_reaches_the_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "xxe.xml"
    path.write_text(EXTERNAL_ENTITY, encoding="utf-8")
    assert main(["validate", "cin", "--format", "json", str(path)]) == 2
    captured = capsys.readouterr()
    assert "root:" not in captured.out + captured.err


def test_schema_failure_names_the_element_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cin.xml"
    path.write_text(MISSING_SEX, encoding="utf-8")
    assert main(["validate", "cin", str(path)]) == 2
    err = capsys.readouterr().err
    line = next(
        n for n, text in enumerate(MISSING_SEX.splitlines(), 1) if "<ChildIdentifiers>" in text
    )
    assert f"at line {line}: Element 'ChildIdentifiers'" in err
    assert "Sex" in err


def test_2gb_cin_file_is_refused_without_reading_it_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "huge.xml"
    with path.open("wb") as handle:
        handle.truncate(2 * 1024**3)  # sparse: 2 GB of zeros, no disk used

    err = refused_in_bounded_memory(["validate", "cin", str(path)], capsys)
    assert str(path) in err


def test_2gb_ssda903_file_is_refused_without_reading_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "episodes.csv"
    with path.open("wb") as handle:
        handle.write(b"CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC\n")
        handle.truncate(2 * 1024**3)

    err = refused_in_bounded_memory(["validate", "903", str(path)], capsys)
    assert str(path) in err
    assert "was not read" in err


def test_ssda903_empty_and_binary_files_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\x00\x01PK\x03\x04" * 100)
    for path in (empty, binary):
        assert main(["validate", "903", "--year", "2026", str(path)]) == 2
        err = capsys.readouterr().err
        assert str(path) in err
        assert "Traceback" not in err


def test_a_clean_file_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cin.xml"
    path.write_text(document(clean_child()), encoding="utf-8")
    assert main(["validate", "cin", str(path)]) == 0
    out = capsys.readouterr().out
    assert "not implemented" in out
