"""Read and write an SSDA903 return as XML (the 2021 XSD), as the same tables the CSV files give.

The XML holds one CHILD element per child (shared/specs/ssda903.md, "903 XML structure"): a HEADER
with the child's fields and, nested in it, the child's missing episodes (AMISSING), reviews
(AREVIEW), previous permanence (PERMANENCE), health outcomes (OC2) and adoption placements
(AD_PLACED); then the child's care episodes (EPISODE). The tables are those of the CSV return:

| table          | from                                                                    |
|----------------|-------------------------------------------------------------------------|
| Header         | HEADER: CHILDID as CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB, UASC    |
| Episodes       | each EPISODE (PL as PLACE)                                              |
| Reviews        | each AREVIEW                                                            |
| Missing        | each AMISSING                                                           |
| OC2            | OC2                                                                     |
| PrevPerm       | PERMANENCE                                                              |
| PlacedAdoption | each AD_PLACED                                                          |
| UASC           | HEADER's SEX, DOB and DUC, when UASC is given and not 0, or DUC is given |
| OC3            | HEADER's IN_TOUCH, ACTIV, ACCOM, when any is given                      |
| AD1            | HEADER's DATE_INT ... LS_ADOPTR, when any is given                      |

Every row carries the HEADER's CHILDID as CHILD and, where the table has one, its DOB (and the UASC
row its SEX), so the XML cannot hold a table's own DOB apart from the Header's. The Header keeps the
UASC flag as written, so rules 105 and 303 can check it, as the public reader
(data-to-insight/csc-validator-be-903 `read_xml_from_text`) does. That reader also makes a UASC row
for a flag of 0; here 0 means not UASC, so only a flag other than blank or 0, or a date UASC status
ceased (rule 303's case), makes one. The UASC, OC3 and AD1 rows live in HEADER fields, so a row
with every field blank has no XML form and is not read or written.

`ROW` is the line of the element the row comes from (HEADER, EPISODE, AREVIEW, AMISSING, OC2,
PERMANENCE, AD_PLACED; for UASC, OC3 and AD1 the first of their fields given), which is what the
report's `row` means for this file (past line 65,534 too: see `safe_xml.line_of`). A file that
puts two rows of one table on one line (a minified file) cannot name a row by its line; there ROW
is instead, in every table of the file, each row's position among its table's elements (1-based),
so every row keeps its own number and one file's rows are all counted the same way.
`read_903_xml_rows` says which (`Return903.rows_are_lines`), so a report can say what `row` means.

The rows read are then typed by the CSV reader's own step (`reader.type_table`), so a return read
from XML has the same tables, columns and types as from CSV, and every table (empty or not), since
an XML return is the whole return. Only SWEpisodes (from 2023/24) and DoLo (from 2026/27) are not in
the 2021 XSD; `read_903` accepts their CSV files beside the XML file. A file that carries them, or
any other element the XSD does not define, inside a CHILD is refused with the element and line:
their XML form is not published, and guessing would read a council's data wrongly.

Safety: the file is streamed (`safeguard.returns.safe_xml`) and each CHILD dropped once read, so
the XML tree in memory is one child, and a child with more elements than the XSD allows
(MAX_CHILD_ELEMENTS) or a value far longer than any it allows (MAX_VALUE_CHARS) is refused as it
streams; rows move into Polars frames every BATCH_CHILDREN children.
A DOCTYPE is refused, entities are never resolved and the network is never used. Each CHILD is
checked against the XSD (shipped in `schemas/`, with a global CHILD declaration added in memory):
a structural failure (an element missing, unexpected, repeated or out of order) makes the file
unusable and names the file, line and element; a value failure (a date not dd/mm/yyyy, a code of
the wrong length) does not, because the DfE's rules report those with the DfE's codes and messages.

`write_903_xml` is the inverse: string-valued tables keyed by name, with the CSV column names
(dates dd/mm/yyyy, blanks ""), to a file streamed with lxml.etree.xmlfile, one element a line so
the rows read back have line numbers. A Header without a UASC column gets the flag the DfE derives
for CSV files: 1 for a child in the UASC table, else 0. Tables the XML cannot hold (SWEpisodes, DoLo, previous-year
tables ending `_last`) and columns it cannot hold (Episodes' PL_LA, PL_LOCATION, PL_DISTANCE) are
not written; `NOT_IN_XML` names the tables, for a caller to write as CSV.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from copy import deepcopy
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Final

import polars as pl
from lxml import etree

from safeguard.returns import safe_xml
from safeguard.returns.engine import ROW
from safeguard.returns.ssda903.reader import (
    DATE_FORMAT,
    TABLES,
    UnusableInput,
    type_table,
)

ROOT: Final = "EXPSSDA903"
SCHEMA_FILE: Final = "SSDA903_CLA_2021.xsd"
NOT_IN_XML: Final = ("SWEpisodes", "DoLo")
"""Tables the 2021 XSD has no place for."""

XML_TABLES: Final = (
    "Header",
    "Episodes",
    "Reviews",
    "UASC",
    "Missing",
    "OC2",
    "OC3",
    "AD1",
    "PlacedAdoption",
    "PrevPerm",
)
COLUMNS: Final[Mapping[str, tuple[str, ...]]] = {
    name: (*TABLES[name], *(("UASC",) if name == "Header" else ())) for name in XML_TABLES
}
"""Each table's columns as read from XML (the Header's optional UASC flag is always there)."""

# HEADER's fields in the XSD's order: CHILDID UPN SEX DOB ETHNIC UASC DUC, the AD1 fields, the OC3
# fields, AMISSING*, AREVIEW*, MOTHER, MC_DOB, PERMANENCE, OC2, AD_PLACED*. A field's XML name
# differs from its column's only for CHILDID (CHILD) and PL (PLACE).
_AD1_FIELDS: Final = (
    "DATE_INT",
    "DATE_MATCH",
    "FOSTER_CARE",
    "NB_ADOPTR",
    "SEX_ADOPTR",
    "LS_ADOPTR",
)
_OC3_FIELDS: Final = ("IN_TOUCH", "ACTIV", "ACCOM")
_NESTED: Final[Mapping[str, str]] = {
    "AMISSING": "Missing",
    "AREVIEW": "Reviews",
    "PERMANENCE": "PrevPerm",
    "OC2": "OC2",
    "AD_PLACED": "PlacedAdoption",
}
_NESTED_FIELDS: Final[Mapping[str, tuple[tuple[str, bool], ...]]] = {
    # (field, required by the XSD even when blank)
    "AMISSING": (("MISSING", True), ("MIS_START", True), ("MIS_END", False)),
    "AREVIEW": (("REVIEW", True), ("REVIEW_CODE", True)),
    "PERMANENCE": (("PREV_PERM", False), ("LA_PERM", False), ("DATE_PERM", False)),
    "OC2": tuple((field, False) for field in TABLES["OC2"][2:]),
    "AD_PLACED": (
        ("DATE_PLACED", True),
        ("DATE_PLACED_CEASED", False),
        ("REASON_PLACED_CEASED", False),
    ),
}
_EPISODE_FIELDS: Final = (
    ("DECOM", True),
    ("RNE", True),
    ("LS", True),
    ("CIN", True),
    ("PL", True),
    ("PL_POST", False),
    ("HOME_POST", False),
    ("URN", False),
    ("PLACE_PROVIDER", False),
    ("DEC", True),
    ("REC", True),
    ("REASON_PLACE_CHANGE", False),
)
_COLUMN_OF: Final = {"CHILDID": "CHILD", "PL": "PLACE"}
_LATER_TABLES: Final = ("SW", "DOLO")  # tag prefixes of SWEpisodes' and DoLo's likely elements
_ELEMENT: Final = re.compile(r"Element '([^']+)'")

# Rows are held as Python tuples only for this many children, then moved into Polars frames, so
# memory grows with the compact tables, not with millions of Python objects.
BATCH_CHILDREN: Final = 5000

# One CHILD is held in memory while it is read, so a hostile child must not be huge. The XSD allows
# at most 7,876 elements in a CHILD (HEADER and its 18 fields, 366 AMISSING of 3 fields, 52 AREVIEW
# of 2, PERMANENCE of 3, OC2 of 10, 366 AD_PLACED of 3; 366 EPISODE of 12 fields); the longest
# value it allows is 13 characters (UPN).
MAX_CHILD_ELEMENTS: Final = 7876
MAX_VALUE_CHARS: Final = 1000


@cache
def _schema() -> etree.XMLSchema:
    """The 2021 XSD with a global CHILD declaration added, so each child validates alone."""
    source = resources.files("safeguard.returns.ssda903").joinpath("schemas", SCHEMA_FILE)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    document = etree.fromstring(source.read_bytes(), parser)
    xs = "{http://www.w3.org/2001/XMLSchema}"
    child = document.find(f"{xs}element/{xs}complexType/{xs}sequence/{xs}element[@name='CHILD']")
    assert child is not None, "the shipped XSD declares CHILD inside EXPSSDA903"
    document.append(deepcopy(child))
    return etree.XMLSchema(document)


class _Rows:
    """Rows collected per table as tuples of text, moved into frames every BATCH_CHILDREN."""

    def __init__(self) -> None:
        self.rows: dict[str, list[tuple[int | str, ...]]] = {name: [] for name in XML_TABLES}
        self.parts: dict[str, list[pl.DataFrame]] = {name: [] for name in XML_TABLES}
        self.schemas = {
            name: {ROW: pl.Int64(), **dict.fromkeys(columns, pl.String())}
            for name, columns in COLUMNS.items()
        }

    def flush(self) -> None:
        for table, rows in self.rows.items():
            if rows:
                self.parts[table].append(
                    pl.DataFrame(rows, schema=self.schemas[table], orient="row")
                )
                self.rows[table] = []

    def child(self, child: etree._Element) -> None:
        """Add one CHILD's rows (the XSD check has passed: HEADER first, then EPISODEs)."""
        header = child[0]
        fields: dict[str, str] = {}
        field_elements: dict[str, etree._Element] = {}  # for a row's line, found only if needed
        nested: list[etree._Element] = []
        for element in header:
            tag = element.tag
            if tag in _NESTED:
                nested.append(element)
            else:
                fields[tag] = element.text or ""
                field_elements[tag] = element
        child_id = fields.get("CHILDID", "")
        dob = fields.get("DOB", "")
        rows = self.rows
        rows["Header"].append(
            (
                safe_xml.line_of(header),
                child_id,
                fields.get("SEX", ""),
                dob,
                fields.get("ETHNIC", ""),
                fields.get("UPN", ""),
                fields.get("MOTHER", ""),
                fields.get("MC_DOB", ""),
                fields.get("UASC", ""),
            )
        )
        flag = fields.get("UASC", "").strip()
        if (flag and flag != "0") or fields.get("DUC", "").strip():
            rows["UASC"].append(
                (
                    safe_xml.line_of(field_elements["UASC"]),
                    child_id,
                    fields.get("SEX", ""),
                    dob,
                    fields.get("DUC", ""),
                )
            )
        for table, names in (("OC3", _OC3_FIELDS), ("AD1", _AD1_FIELDS)):
            given = [name for name in names if fields.get(name, "").strip()]
            if given:
                values = tuple(fields.get(name, "") for name in names)
                line = safe_xml.line_of(field_elements[given[0]])
                rows[table].append((line, child_id, dob, *values))
        for element in nested:
            table = _NESTED[element.tag]
            found = {sub.tag: sub.text or "" for sub in element}
            values = tuple(found.get(name, "") for name in TABLES[table][2:])
            rows[table].append((safe_xml.line_of(element), child_id, dob, *values))
        for episode in child.iterchildren("EPISODE"):
            found = {_COLUMN_OF.get(sub.tag, sub.tag): sub.text or "" for sub in episode}
            values = tuple(found.get(name, "") for name in TABLES["Episodes"][1:])
            rows["Episodes"].append((safe_xml.line_of(episode), child_id, *values))

    def frames(self) -> dict[str, pl.DataFrame]:
        self.flush()
        return {
            table: (
                pl.concat(parts, how="vertical", rechunk=True)
                if (parts := self.parts[table])
                else pl.DataFrame(schema=self.schemas[table])
            )
            for table in XML_TABLES
        }


def _structural(path: Path, line: int | None, message: str) -> UnusableInput:
    """The file fails the XSD's structure; name the line and element, and say where SWEpisodes
    and DoLo go when the element looks like theirs."""
    where = f" at line {line}" if line else ""
    element = _ELEMENT.search(message)
    if element and element.group(1).upper().startswith(_LATER_TABLES):
        message += (
            " (SWEpisodes and DoLo have no form in the 2021 SSDA903 XML; "
            "give them as CSV files beside it)"
        )
    return UnusableInput(path, f"fails the SSDA903 XSD (2021){where}: {message}")


def _check(path: Path, child: etree._Element) -> None:
    """Validate one CHILD; raise UnusableInput on a structural failure. Value failures are left
    to the DfE's rules (see the module docstring)."""
    schema = _schema()
    if schema.validate(child):
        return
    for error in schema.error_log:
        if not safe_xml.is_value_error(error):
            raise _structural(path, error.line, error.message)


def _unknown_part(path: Path, element: etree._Element) -> UnusableInput:
    return _structural(
        path,
        element.sourceline,
        f"Element '{element.tag}': <CHILD> may hold only <HEADER> then <EPISODE>",
    )


def _rows_are_lines(tables: Mapping[str, pl.DataFrame]) -> bool:
    """True if no two rows of a table share a line, so a line number identifies a row."""
    return all(frame[ROW].n_unique() == frame.height for frame in tables.values())


def _position_rows(tables: Mapping[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """Give every table's rows their 1-based position among the table's elements as ROW (for a
    file whose lines cannot tell rows apart; see `_rows_are_lines`)."""
    return {
        name: frame.drop(ROW).with_row_index(ROW, offset=1).with_columns(pl.col(ROW).cast(pl.Int64))
        for name, frame in tables.items()
    }


def read_903_xml(path: Path | str) -> dict[str, pl.DataFrame]:
    """Read one SSDA903 XML file into the return's typed tables (those of `XML_TABLES`, each
    present even when empty). Raises UnusableInput naming the file and why."""
    return read_903_xml_rows(path)[0]


def read_903_xml_rows(path: Path | str) -> tuple[dict[str, pl.DataFrame], bool]:
    """`read_903_xml`, and whether each row's ROW is its line (False: the file puts two rows of
    a table on one line, and every ROW is the row's position in its table; module docstring)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnusableInput(path, f"cannot be read ({exc.strerror or exc})") from None
    if size == 0:
        raise UnusableInput(path, "is empty")
    rows = _Rows()
    children = 0
    depth = 0
    in_child = 0  # elements so far in the CHILD being read
    root: etree._Element | None = None
    try:
        for event, element in safe_xml.iterparse(path):
            if event == "start":
                depth += 1
                if depth > 2:
                    in_child += 1
                    if in_child > MAX_CHILD_ELEMENTS:
                        raise _structural(
                            path,
                            element.sourceline,
                            f"a <CHILD> holds more than {MAX_CHILD_ELEMENTS:,} elements, "
                            "more than the XSD allows",
                        )
                    if depth == 3 and element.tag not in ("HEADER", "EPISODE"):
                        raise _unknown_part(path, element)
                elif depth == 1:
                    if safe_xml.has_doctype(element):
                        raise UnusableInput(
                            path, "has a DOCTYPE, which an SSDA903 return never has"
                        )
                    if element.tag != ROOT:
                        raise UnusableInput(
                            path,
                            f"has root element <{element.tag}>, not <{ROOT}> (an SSDA903 return)",
                        )
                    root = element
                elif element.tag != "CHILD":  # depth 2
                    raise _structural(
                        path,
                        element.sourceline,
                        f"Element '{element.tag}': <{ROOT}> may hold only <CHILD>",
                    )
                else:
                    in_child = 0
                continue
            depth -= 1
            if depth > 1:  # the end of an element inside a CHILD
                text = element.text
                if text is not None and len(text) > MAX_VALUE_CHARS:
                    raise _structural(
                        path,
                        safe_xml.line_of(element),
                        f"Element '{element.tag}': a value of {len(text):,} characters, "
                        "longer than any the XSD allows",
                    )
            elif depth == 1:  # the end of a CHILD
                _check(path, element)
                rows.child(element)
                children += 1
                if children % BATCH_CHILDREN == 0:
                    rows.flush()
                # Drop the child (and any earlier siblings) so memory holds one child at a time.
                element.clear(keep_tail=False)
                assert root is not None
                while element.getprevious() is not None:
                    del root[0]
    except etree.XMLSyntaxError as exc:
        _, reason = safe_xml.syntax_error(path, exc)
        raise UnusableInput(path, reason) from None
    if children == 0:
        raise _structural(path, None, f"<{ROOT}> holds no <CHILD>")
    raw = rows.frames()
    rows_are_lines = _rows_are_lines(raw)
    if not rows_are_lines:
        raw = _position_rows(raw)
    return {name: type_table(name, frame) for name, frame in raw.items()}, rows_are_lines


# Writing.


def _as_text(frame: pl.DataFrame) -> pl.DataFrame:
    """Every column as text: dates as dd/mm/yyyy (the XSD's form), nulls as ""."""
    return frame.select(
        (
            pl.col(name).dt.strftime(DATE_FORMAT)
            if dtype == pl.Date
            else pl.col(name).cast(pl.String)
        ).fill_null("")
        for name, dtype in frame.schema.items()
    )


_ONE_A_CHILD: Final = ("Header", "UASC", "OC2", "OC3", "AD1", "PrevPerm")


_KEY: Final = "__child"


def _text_tables(tables: Mapping[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """The tables the XML holds, as text, each with the child's id stripped in `_KEY`. Raises
    ValueError for a table without CHILD or a child twice in a one-a-child table."""
    texts = {}
    for table in XML_TABLES:
        frame = tables.get(table)
        if frame is None:
            continue
        if "CHILD" not in frame.columns:
            raise ValueError(f"the {table} table has no CHILD column")
        text = _as_text(frame).with_columns(pl.col("CHILD").str.strip_chars().alias(_KEY))
        if table in _ONE_A_CHILD:
            twice = text.filter(pl.col(_KEY).is_duplicated())[_KEY]
            if len(twice):
                raise ValueError(
                    f"the {table} table has child {twice[0]} more than once; "
                    "the SSDA903 XML holds one a child"
                )
        texts[table] = text
    return texts


def _children(texts: Mapping[str, pl.DataFrame]) -> list[str]:
    """Every child once: the Header's in its order, then any found only in other tables."""
    keys = [texts[table][_KEY] for table in XML_TABLES if table in texts]
    if not keys:
        return []
    return pl.concat(keys).unique(maintain_order=True).to_list()


def _rows_of(
    texts: Mapping[str, pl.DataFrame], children: list[str]
) -> dict[str, dict[str, list[dict[str, str]]]]:
    """Each table's rows of `children` (one batch of them), by child, as dicts of text."""
    rows: dict[str, dict[str, list[dict[str, str]]]] = {}
    for table in XML_TABLES:
        by_child: dict[str, list[dict[str, str]]] = defaultdict(list)
        rows[table] = by_child
        if table in texts:
            for row in texts[table].filter(pl.col(_KEY).is_in(children)).iter_rows(named=True):
                by_child[row[_KEY]].append(row)
    return rows


def _sub(parent: etree._Element, tag: str, value: str, required: bool) -> None:
    """Add <tag>value</tag>; an optional field left blank is left out."""
    value = value.strip()
    if value or required:
        etree.SubElement(parent, tag).text = value


def _first(rows: Iterable[Sequence[dict[str, str]]], column: str) -> str:
    """The first non-blank value of `column` among a child's rows in several tables."""
    for table_rows in rows:
        for row in table_rows:
            if value := row.get(column, "").strip():
                return value
    return ""


def _child_element(
    child: str, rows: Mapping[str, Mapping[str, list[dict[str, str]]]]
) -> etree._Element:
    mine = {table: rows[table].get(child, []) for table in XML_TABLES}
    header_row = mine["Header"][0] if mine["Header"] else {}
    uasc_row = mine["UASC"][0] if mine["UASC"] else None
    element = etree.Element("CHILD")
    header = etree.SubElement(element, "HEADER")
    _sub(header, "CHILDID", child, True)
    _sub(header, "UPN", header_row.get("UPN", ""), True)
    _sub(header, "SEX", header_row.get("SEX", "") or _first([mine["UASC"]], "SEX"), True)
    _sub(header, "DOB", _first(mine.values(), "DOB"), True)
    _sub(header, "ETHNIC", header_row.get("ETHNIC", ""), True)
    # Without a flag in the Header, derive it as the DfE does for CSV files: 1 for a UASC row.
    derived = "1" if uasc_row is not None else "0"
    _sub(header, "UASC", header_row.get("UASC", derived), True)
    if uasc_row is not None:
        _sub(header, "DUC", uasc_row.get("DUC", ""), False)
    for table, names in (("AD1", _AD1_FIELDS), ("OC3", _OC3_FIELDS)):
        if mine[table]:
            for name in names:
                _sub(header, name, mine[table][0].get(name, ""), False)
    for tag in ("AMISSING", "AREVIEW"):
        for row in mine[_NESTED[tag]]:
            record = etree.SubElement(header, tag)
            for name, required in _NESTED_FIELDS[tag]:
                _sub(record, name, row.get(name, ""), required)
    _sub(header, "MOTHER", header_row.get("MOTHER", ""), False)
    _sub(header, "MC_DOB", header_row.get("MC_DOB", ""), False)
    for tag in ("PERMANENCE", "OC2", "AD_PLACED"):
        for row in mine[_NESTED[tag]]:
            record = etree.SubElement(header, tag)
            for name, required in _NESTED_FIELDS[tag]:
                _sub(record, name, row.get(name, ""), required)
    for row in mine["Episodes"]:
        episode = etree.SubElement(element, "EPISODE")
        for name, required in _EPISODE_FIELDS:
            _sub(episode, name, row.get(_COLUMN_OF.get(name, name), ""), required)
    return element


def write_903_xml(tables: Mapping[str, pl.DataFrame], path: Path) -> Path:
    """Write the return's tables as one SSDA903 XML file valid against the 2021 XSD (given
    values that fit its lengths and dates as dd/mm/yyyy); return `path`.

    `tables` are keyed by table name with the CSV column names, values as text (a Date column is
    written dd/mm/yyyy). Tables and columns the XML cannot hold are not written (module
    docstring). Raises ValueError for a table without CHILD or a child twice in a table that
    holds one row a child (Header, UASC, OC2, OC3, AD1, PrevPerm), which the XML cannot express.
    """
    path = Path(path)
    texts = _text_tables(tables)
    children = _children(texts)
    with etree.xmlfile(str(path), encoding="UTF-8") as out:
        out.write_declaration()
        with out.element(ROOT):
            out.write("\n")
            # A batch of children's rows at a time as Python dicts, so memory holds the frames
            # and one batch, not every row of the return as Python objects.
            for first in range(0, len(children), BATCH_CHILDREN):
                batch = children[first : first + BATCH_CHILDREN]
                rows = _rows_of(texts, batch)
                for child in batch:
                    element = _child_element(child, rows)
                    etree.indent(element, space="  ", level=1)
                    out.write("  ")
                    out.write(element)
                    out.write("\n")
    return path
