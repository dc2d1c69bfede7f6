"""The SSDA903 reader on messy and unusable files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from safeguard.returns.ssda903.reader import UnusableInput, read_903, read_table

HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"
EPISODES = (
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"
)


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_table_recognised_by_columns_whatever_the_file_is_called(tmp_path: Path) -> None:
    name, frame = read_table(
        _write(tmp_path / "export (3).txt", f"{HEADER}\n1,F,01/02/2010,WBRI,,,\n")
    )
    assert name == "Header"
    assert frame["DOB"].to_list() == [dt.date(2010, 2, 1)]


def test_bom_spaces_case_and_blank_lines(tmp_path: Path) -> None:
    # Given a UTF-8 file with a BOM, padded headers and values, lower-case codes and blank lines
    text = (
        "\ufeff CHILD , sex,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
        "\n"
        " 1a , m ,01/02/2010, wbri ,,,\n"
        "  \n"
        ",,,,,,\n"
        "2,F,1/2/2011,WBRI,,1,03/04/2025\n"
    )
    name, frame = read_table(_write(tmp_path / "h.csv", text))
    # Then rows keep their line numbers (header = line 1), blank lines are dropped, codes upper
    assert name == "Header"
    assert frame["ROW"].to_list() == [3, 6]
    assert frame["CHILD"].to_list() == ["1a", "2"]
    assert frame["SEX"].to_list() == ["M", "F"]
    assert frame["ETHNIC"].to_list() == ["WBRI", "WBRI"]
    assert frame["DOB"].to_list() == [dt.date(2010, 2, 1), dt.date(2011, 2, 1)]
    assert frame["UPN"].to_list() == [None, None]


def test_leading_blank_lines_count_in_row_numbers(tmp_path: Path) -> None:
    _, frame = read_table(_write(tmp_path / "h.csv", f"\n\n{HEADER}\n1,F,01/02/2010,WBRI,,,\n"))
    assert frame["ROW"].to_list() == [4]


def test_crlf_line_endings_and_blank_lines(tmp_path: Path) -> None:
    text = f"{HEADER}\r\n\r\n1,F,01/02/2010,WBRI,,,\r\n\r\n2,M,01/02/2010,WBRI,,,\r\n"
    _, frame = read_table(_write(tmp_path / "h.csv", text))
    assert frame["ROW"].to_list() == [3, 5]
    assert frame["MC_DOB"].to_list() == [None, None]


def test_windows_1252(tmp_path: Path) -> None:
    text = f"{EPISODES}\nCafé1,01/04/2025,S,C2,N1,U1,PR1,,,,B1 1AA,B2 2BB,\n"
    name, frame = read_table(_write(tmp_path / "e.csv", text, encoding="cp1252"))
    assert name == "Episodes"
    assert frame["CHILD"].to_list() == ["Café1"]


def test_invalid_dates_become_null_and_keep_their_text(tmp_path: Path) -> None:
    text = f"{HEADER}\n1,F,31/02/2010,WBRI,,,\n2,F,2010-02-01,WBRI,,,\n3,F,01/02/10,WBRI,,,\n"
    _, frame = read_table(_write(tmp_path / "h.csv", text))
    assert frame["DOB"].to_list() == [None, None, None]
    assert frame["DOB__text"].to_list() == ["31/02/2010", "2010-02-01", "01/02/10"]
    assert frame.schema["DOB"] == pl.Date


def test_extra_columns_dropped_optional_kept(tmp_path: Path) -> None:
    _, frame = read_table(
        _write(tmp_path / "h.csv", f"{HEADER},UASC,NOTES\n1,F,01/02/2010,WBRI,,,,0,hello\n")
    )
    assert "UASC" in frame.columns
    assert "NOTES" not in frame.columns


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "is empty"),
        (b"\n  \n", "is empty"),
        (b"PK\x03\x04\x00\x00binary", "binary"),
        (b"CHILD,FOO,BAR\n1,2,3\n", "not a known SSDA903 table"),
        (b"CHILD,DECOM,RNE,LS\n1,01/04/2025,S,C2\n", "looks like the Episodes table but lacks"),
        (b"CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,SEX\n", "more than once: SEX"),
        (b"\x81\x8d\x8f\x90\x9d", "cannot be decoded"),
    ],
    ids=[
        "empty",
        "blank",
        "binary",
        "unknown",
        "missing-columns",
        "duplicate-column",
        "undecodable",
    ],
)
def test_unusable_files_name_the_file_and_why(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(UnusableInput) as raised:
        read_903([path], year="2025/26")
    assert str(path) in str(raised.value)
    assert reason in str(raised.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnusableInput, match="cannot be read"):
        read_903([tmp_path / "nope.csv"], year="2025/26")


def test_a_table_twice_is_unusable(tmp_path: Path) -> None:
    one = _write(tmp_path / "a.csv", f"{HEADER}\n1,F,01/02/2010,WBRI,,,\n")
    two = _write(tmp_path / "b.csv", f"{HEADER}\n2,F,01/02/2010,WBRI,,,\n")
    with pytest.raises(UnusableInput, match=r"b\.csv: is a second Header table"):
        read_903([one, two], year="2025/26")


def test_year_inferred_from_latest_activity_date_and_previous_tables(tmp_path: Path) -> None:
    header = _write(tmp_path / "h.csv", f"{HEADER}\n1,F,01/02/2010,WBRI,,,\n")
    episodes = _write(
        tmp_path / "e.csv",
        f"{EPISODES}\n1,01/04/2024,S,C2,N1,U1,PR1,31/03/2025,X1,,,,\n1,31/03/2025,P,C2,N1,U1,PR1,,,,,,\n",
    )
    last = _write(tmp_path / "h_last.csv", f"{HEADER}\n1,F,01/02/2010,WBRI,,,\n")
    ret = read_903([header, episodes], previous=[last])
    assert ret.year == "2024/25"
    assert ret.year_inferred
    assert set(ret.tables) == {"Header", "Episodes", "Header_last"}
    assert read_903([header, episodes], year="2025/26").year == "2025/26"


def test_year_cannot_be_inferred_without_dates(tmp_path: Path) -> None:
    header = _write(tmp_path / "h.csv", f"{HEADER}\n1,F,01/02/2010,WBRI,,,\n")
    with pytest.raises(UnusableInput, match="give --year"):
        read_903([header])


def test_return_is_immutable(tmp_path: Path) -> None:
    header = _write(tmp_path / "h.csv", f"{HEADER}\n1,F,01/02/2010,WBRI,,,\n")
    ret = read_903([header], year="2025/26")
    with pytest.raises(TypeError):
        ret.tables["Episodes"] = pl.DataFrame()  # type: ignore[index]
    with pytest.raises(AttributeError):
        ret.year = "2024/25"  # type: ignore[misc]


def test_episodes_held_in_child_and_date_order_with_file_rows(tmp_path: Path) -> None:
    text = (
        f"{EPISODES}\n"
        "2,01/05/2025,P,C2,N1,U1,PR1,,,,,,\n"
        "1,,S,C2,N1,U1,PR1,,,,,,\n"
        "1,01/06/2025,P,C2,N1,U1,PR1,,,,,,\n"
        "1,01/04/2025,S,C2,N1,U1,PR1,01/06/2025,X1,,,,\n"
    )
    _, frame = read_table(_write(tmp_path / "e.csv", text))
    assert frame.select("CHILD", "ROW").rows() == [("1", 5), ("1", 4), ("1", 3), ("2", 2)]
