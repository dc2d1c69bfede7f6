"""Read a CIN census XML file into return-shaped Polars tables, streaming, parsing values once.

The tables and their columns are those the public validator (data-to-insight/csc-validator-be-cin)
names: Header, ChildIdentifiers, ChildCharacteristics, Disabilities, CINdetails, Assessments,
AssessmentFactorsList, CINplanDates, Section47, ChildProtectionPlans and Reviews. Every row carries
`LAchildID` (Header excepted), `ROW` and, below CINdetails, the ids that tie it to its parent
(`CINdetailsID`, `AssessmentID`, `CPPID`: 1-based positions within the child and within the CIN
episode). `ROW` is the line of the row's element in the file, for the report's `row`; in a file
that puts two rows of one table on one line, as a minified file does, a line cannot name a row, so
ROW is instead each row's position among its table's elements (1-based) and
`ReturnCIN.rows_are_lines` is False. Dates (xs:date, yyyy-mm-dd) are parsed once into Polars
Dates, with the text as written in `<column>__text`; every other value is text, stripped, blank as
null.

Safety: the file is streamed with lxml's iterparse and each Child is dropped once read, so the
XML tree in memory is one child, not the file; the rows read are moved into Polars frames every
BATCH_CHILDREN children, so memory grows with the compact tables only. Entities are never
resolved, no DTD is loaded, the network is never used, and libxml2's limits for huge documents stay
on; a file with a DOCTYPE is refused outright (the CIN census has none, and a DOCTYPE is how
entity bombs and external entities come).

Schema: whole-document XSD validation would need the whole tree in memory, so each Child is
validated on its own against the year's XSD (shipped in `schemas/`; a global `Child` and `Header`
declaration is added in memory), the Header likewise, and the envelope (Message, then an optional
Header, then Children holding at least one Child) is checked as it streams. A structural failure
(an element missing, unexpected or out of order) makes the file unusable and names the element and
line. A value failure inside a well-formed child (a code not in the code list, a malformed date or
UPN) is not: those are what the DfE's rules report, with the DfE's codes and messages, so such a
child is read, the schema's messages are kept in `ReturnCIN.schema_value_errors` (the first
KEPT_VALUE_ERRORS) and counted in `schema_value_error_count`. The Header is held until <Children>
starts and then validated; the envelope's own text and attributes are not checked.

The collection year is the one given, or else the one containing the Header's ReferenceDate. The
2026 XSD (Sex M/F/U) is used for 2024/25 onwards, the 2024 XSD (GenderCurrent) before that.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Final

import polars as pl
from lxml import etree

from safeguard.core.codes import collection_year
from safeguard.returns import safe_xml
from safeguard.returns.engine import ROW

CHILD_ID: Final = "LAchildID"

COLUMNS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "Header": (
            "Collection",
            "Year",
            "ReferenceDate",
            "SourceLevel",
            "LEA",
            "SoftwareCode",
            "Release",
            "SerialNo",
            "DateTime",
        ),
        "ChildIdentifiers": (
            CHILD_ID,
            "UPN",
            "FormerUPN",
            "UPNunknown",
            "PersonBirthDate",
            "ExpectedPersonBirthDate",
            "Sex",
            "GenderCurrent",
            "PersonDeathDate",
        ),
        "ChildCharacteristics": (CHILD_ID, "Ethnicity"),
        "Disabilities": (CHILD_ID, "Disability"),
        "CINdetails": (
            CHILD_ID,
            "CINdetailsID",
            "CINreferralDate",
            "ReferralSource",
            "PrimaryNeedCode",
            "CINclosureDate",
            "ReasonForClosure",
            "DateOfInitialCPC",
            "ReferralNFA",
        ),
        "Assessments": (
            CHILD_ID,
            "CINdetailsID",
            "AssessmentID",
            "AssessmentActualStartDate",
            "AssessmentInternalReviewDate",
            "AssessmentAuthorisationDate",
        ),
        "AssessmentFactorsList": (CHILD_ID, "CINdetailsID", "AssessmentID", "AssessmentFactors"),
        "CINplanDates": (CHILD_ID, "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"),
        "Section47": (
            CHILD_ID,
            "CINdetailsID",
            "S47ActualStartDate",
            "InitialCPCtarget",
            "DateOfInitialCPC",
            "ICPCnotRequired",
        ),
        "ChildProtectionPlans": (
            CHILD_ID,
            "CINdetailsID",
            "CPPID",
            "CPPstartDate",
            "CPPendDate",
            "InitialCategoryOfAbuse",
            "LatestCategoryOfAbuse",
            "NumberOfPreviousCPP",
        ),
        "Reviews": (CHILD_ID, "CINdetailsID", "CPPID", "CPPreviewDate"),
    }
)
"""Each table's columns, besides ROW and the `__text` twin of each date column."""

DATE_COLUMNS: Final = frozenset(
    {
        "ReferenceDate",
        "PersonBirthDate",
        "ExpectedPersonBirthDate",
        "PersonDeathDate",
        "CINreferralDate",
        "CINclosureDate",
        "DateOfInitialCPC",
        "AssessmentActualStartDate",
        "AssessmentInternalReviewDate",
        "AssessmentAuthorisationDate",
        "CINPlanStartDate",
        "CINPlanEndDate",
        "S47ActualStartDate",
        "InitialCPCtarget",
        "CPPstartDate",
        "CPPendDate",
        "CPPreviewDate",
    }
)
DATE_FORMAT: Final = "%Y-%m-%d"

KEPT_VALUE_ERRORS: Final = 1000
"""At most this many value-level schema messages are kept (all are counted)."""


class UnusableCIN(Exception):
    """A file cannot be read as a CIN census return. The message names the file and says why."""

    def __init__(self, path: Path | str | None, reason: str) -> None:
        self.path = None if path is None else str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}" if path is not None else reason)


class NotXML(UnusableCIN):
    """The file is empty, truncated or not well-formed XML."""


class ForbiddenXML(UnusableCIN):
    """The file uses a DOCTYPE or entities (how XML bombs and external entities are written)."""


class NotCINCensus(UnusableCIN):
    """Well-formed XML that is not a CIN census (wrong root element or envelope)."""


class SchemaFailure(UnusableCIN):
    """The file's structure fails the year's XSD; the message names the element and line."""


@dataclass(frozen=True, eq=False)
class ReturnCIN:
    """A CIN census return as read: tables by name, collection year ("2025/26"), the file each
    table came from, whether the year was inferred, and the schema's value-level messages."""

    tables: Mapping[str, pl.DataFrame]
    year: str
    files: Mapping[str, str]
    year_inferred: bool
    schema_value_errors: tuple[str, ...] = ()
    schema_value_error_count: int = 0
    rows_are_lines: bool = True


def _schema_file(year: str) -> str:
    return "CIN_schema_2026.xsd" if int(year[:4]) >= 2024 else "CIN_schema_2024.xsd"


@cache
def _schema(file_name: str) -> etree.XMLSchema:
    """The year's XSD with global Header and Child declarations added, so parts validate alone."""
    source = resources.files("safeguard.returns.cin").joinpath("schemas", file_name)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    document = etree.fromstring(source.read_bytes(), parser)
    xs = "{http://www.w3.org/2001/XMLSchema}"
    for name, type_name in (("Header", "headertype"), ("Child", "childtype")):
        etree.SubElement(document, f"{xs}element", name=name, type=type_name)
    return etree.XMLSchema(document)


def _text(element: etree._Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    value = element.text.strip()
    return value or None


def _first_text(element: etree._Element, tag: str) -> str | None:
    """The stripped text of `element`'s first child element `tag` (None if absent or blank)."""
    for sub in element:
        if sub.tag == tag:
            value = sub.text.strip() if sub.text else ""
            return value or None
    return None


_ID_COLUMNS: Final = frozenset({CHILD_ID, "CINdetailsID", "AssessmentID", "CPPID"})


# Rows are held as Python lists only for this many children, then moved into Polars frames, so
# memory grows with the compact tables, not with millions of Python objects.
BATCH_CHILDREN: Final = 5000


def _schema_of(columns: tuple[str, ...]) -> dict[str, pl.DataType]:
    schema: dict[str, pl.DataType] = {ROW: pl.Int64()}
    for column in columns:
        schema[column] = pl.Int64() if column in _ID_COLUMNS - {CHILD_ID} else pl.String()
    return schema


# Each table's value columns (read from the element's children of the same name), after its ids.
_VALUE_COLUMNS: Final = MappingProxyType(
    {table: tuple(c for c in columns if c not in _ID_COLUMNS) for table, columns in COLUMNS.items()}
)

_Value = str | int | None


class _Rows:
    """Rows collected per table as lists of column values, moved into frames every
    BATCH_CHILDREN children.

    A child is read in one pass over its elements, and each element's fields in one pass over
    its children (the first of a name counts; the XSD allows each once and was checked first),
    with no dict per row: this Python work per element is most of the time an England-size census
    (about 700,000 children, 5 million rows) takes to read. `_element` and `_single` repeat their
    first lines rather than share a helper, as a call more per row cost a tenth of the reading.
    """

    def __init__(self) -> None:
        self.columns: dict[str, list[list[_Value]]] = {}
        self.parts: dict[str, list[pl.DataFrame]] = {name: [] for name in COLUMNS}
        self._reset()

    def _reset(self) -> None:
        # One list per column, in COLUMNS order with ROW first.
        self.columns = {name: [[] for _ in range(len(c) + 1)] for name, c in COLUMNS.items()}

    def flush(self) -> None:
        for table, columns in COLUMNS.items():
            lists = self.columns[table]
            if lists[0]:
                names = (ROW, *columns)
                self.parts[table].append(
                    pl.DataFrame(dict(zip(names, lists, strict=True)), schema=_schema_of(columns))
                )
        self._reset()

    def add(self, table: str, line: int | None, values: Mapping[str, _Value]) -> None:
        lists = self.columns[table]
        lists[0].append(line or 0)
        for target, column in zip(lists[1:], COLUMNS[table], strict=True):
            target.append(values.get(column))

    def _element(self, table: str, element: etree._Element, ids: tuple[_Value, ...]) -> None:
        """One row of `table` from `element`: its line, `ids`, then its fields' text."""
        lists = self.columns[table]
        lists[0].append(safe_xml.line_of(element) or 0)
        position = 1
        for value in ids:
            lists[position].append(value)
            position += 1
        names = _VALUE_COLUMNS[table]
        found: dict[str, str | None] = {}
        for sub in element:
            tag = sub.tag
            if tag in names and tag not in found:
                text = sub.text.strip() if sub.text else ""
                found[tag] = text or None
        for name in names:
            lists[position].append(found.get(name))
            position += 1

    def _single(self, table: str, element: etree._Element, ids: tuple[_Value, ...]) -> None:
        """One row of a table whose one value is `element`'s own text (a code list entry)."""
        lists = self.columns[table]
        lists[0].append(safe_xml.line_of(element) or 0)
        position = 1
        for value in ids:
            lists[position].append(value)
            position += 1
        text = element.text.strip() if element.text else ""
        lists[position].append(text or None)

    def child(self, child: etree._Element) -> None:
        identifiers = characteristics = None
        details: list[etree._Element] = []
        for sub in child:
            tag = sub.tag
            if tag == "CINdetails":
                details.append(sub)
            elif tag == "ChildIdentifiers" and identifiers is None:
                identifiers = sub
            elif tag == "ChildCharacteristics" and characteristics is None:
                characteristics = sub
        if identifiers is None or characteristics is None:  # the XSD check refused it already
            return
        child_id = _first_text(identifiers, CHILD_ID)
        ids: tuple[_Value, ...] = (child_id,)
        self._element("ChildIdentifiers", identifiers, ids)
        self._element("ChildCharacteristics", characteristics, ids)
        for group in characteristics:
            if group.tag == "Disabilities":
                for disability in group:
                    if disability.tag == "Disability":
                        self._single("Disabilities", disability, ids)
        for cin_number, cin in enumerate(details, start=1):
            cin_ids = (child_id, cin_number)
            self._element("CINdetails", cin, cin_ids)
            assessments = plans = 0
            # Tables are filled in document order within each table, as the file lists them.
            for part in cin:
                tag = part.tag
                if tag == "Assessments":
                    assessments += 1
                    a_ids = (*cin_ids, assessments)
                    self._element("Assessments", part, a_ids)
                    for group in part:
                        if group.tag == "FactorsIdentifiedAtAssessment":
                            for factor in group:
                                if factor.tag == "AssessmentFactors":
                                    self._single("AssessmentFactorsList", factor, a_ids)
                elif tag == "CINPlanDates":
                    self._element("CINplanDates", part, cin_ids)
                elif tag == "Section47":
                    self._element("Section47", part, cin_ids)
                elif tag == "ChildProtectionPlans":
                    plans += 1
                    cpp_ids = (*cin_ids, plans)
                    self._element("ChildProtectionPlans", part, cpp_ids)
                    for group in part:
                        if group.tag == "Reviews":
                            for review in group:
                                if review.tag == "CPPreviewDate":
                                    self._single("Reviews", review, cpp_ids)

    def frames(self) -> dict[str, pl.DataFrame]:
        self.flush()
        frames = {}
        for table, columns in COLUMNS.items():
            # Each table's batches are let go as soon as it is built, so at most one table is
            # held twice (England's largest is about a tenth of the whole).
            parts = self.parts.pop(table)
            frame = (
                pl.concat(parts, how="vertical", rechunk=True)
                if parts
                else pl.DataFrame(schema=_schema_of(columns))
            )
            del parts
            exprs: list[pl.Expr] = [pl.col(ROW)]
            for column in columns:
                if column in DATE_COLUMNS:
                    well_formed = pl.col(column).str.contains(r"^\d{4}-\d{2}-\d{2}$")
                    parsed = pl.col(column).str.to_date(DATE_FORMAT, strict=False)
                    exprs.append(pl.when(well_formed).then(parsed).alias(column))
                    exprs.append(pl.col(column).alias(f"{column}__text"))
                else:
                    exprs.append(pl.col(column))
            frames[table] = frame.select(exprs)
        return frames


def _rows_are_lines(tables: Mapping[str, pl.DataFrame]) -> bool:
    """True if no two rows of a table share a line, so a line number identifies a row."""
    return all(frame[ROW].n_unique() == frame.height for frame in tables.values())


def _number_rows(tables: Mapping[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """Replace ROW by each row's 1-based position among its table's elements in the file."""
    return {
        name: frame.drop(ROW).with_row_index(ROW, offset=1).with_columns(pl.col(ROW).cast(pl.Int64))
        for name, frame in tables.items()
    }


def _check(
    path: Path, schema: etree.XMLSchema, element: etree._Element, value_errors: list[str]
) -> int:
    """Validate `element`; raise SchemaFailure on a structural error, else keep the value-level
    messages (up to KEPT_VALUE_ERRORS in all) and return how many there were."""
    if schema.validate(element):
        return 0
    errors = list(schema.error_log)
    structural = [e for e in errors if not safe_xml.is_value_error(e)]
    if structural:
        first = structural[0]
        raise SchemaFailure(path, f"fails the CIN census XSD at line {first.line}: {first.message}")
    room = max(0, KEPT_VALUE_ERRORS - len(value_errors))
    value_errors.extend(f"line {e.line}: {e.message}" for e in errors[:room])
    return len(errors)


def _year_from_header(path: Path, header: etree._Element | None) -> str:
    reference = _text(None if header is None else header.find("CollectionDetails/ReferenceDate"))
    if reference is None:
        raise UnusableCIN(path, "has no Header ReferenceDate to take the year from; give --year")
    try:
        return collection_year(date.fromisoformat(reference))
    except ValueError:
        raise UnusableCIN(
            path, f"has a ReferenceDate that is not a date ({reference!r}); give --year"
        ) from None


def read_cin(path: Path | str, year: str | None = None) -> ReturnCIN:
    """Read one CIN census XML file. `year` is a collection year like "2025/26" or None to take
    it from the Header's ReferenceDate. Raises UnusableCIN (or a subclass) naming the file."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnusableCIN(path, f"cannot be read ({exc.strerror or exc})") from None
    if size == 0:
        raise NotXML(path, "is empty")
    inferred = year is None
    rows = _Rows()
    value_errors: list[str] = []
    schema: etree.XMLSchema | None = None if year is None else _schema(_schema_file(year))
    header: etree._Element | None = None
    children_seen = 0
    value_error_count = 0
    envelope: list[str] = []
    context = safe_xml.iterparse(path)
    # Depth of the element whose event this is (1 for <Message>, 3 for a <Child>). The envelope
    # is checked from its first three levels; deeper elements are a Child's or the Header's own,
    # which the XSD check covers, so their events (most of the file's) are passed over at once.
    depth = 0
    try:
        for event, element in context:
            if event == "start":
                depth += 1
                if depth > 3:
                    continue
                depth_tag = element.tag
                if element.getparent() is None:
                    if safe_xml.has_doctype(element):
                        raise ForbiddenXML(path, "has a DOCTYPE, which a CIN census never has")
                    if depth_tag != "Message":
                        raise NotCINCensus(
                            path, f"has root element <{depth_tag}>, not <Message> (a CIN census)"
                        )
                    continue
                parent = element.getparent()
                if parent is not None and parent.getparent() is None:
                    envelope.append(str(depth_tag))
                    expected = ["Header", "Children"] if envelope[0] == "Header" else ["Children"]
                    if envelope != expected[: len(envelope)]:
                        raise SchemaFailure(
                            path,
                            f"fails the CIN census XSD at line {element.sourceline}: "
                            f"<Message> may hold only <Header> then <Children>, not <{depth_tag}>",
                        )
                    if depth_tag == "Children" and schema is None:
                        year = _year_from_header(path, header)
                        schema = _schema(_schema_file(year))
                    if depth_tag == "Children" and header is not None:
                        assert schema is not None
                        value_error_count += _check(path, schema, header, value_errors)
                elif parent is not None and parent.tag == "Children" and depth_tag != "Child":
                    raise SchemaFailure(
                        path,
                        f"fails the CIN census XSD at line {element.sourceline}: "
                        f"<Children> may hold only <Child>, not <{depth_tag}>",
                    )
                continue
            depth -= 1
            if depth >= 3:
                continue
            depth_tag = element.tag
            parent = element.getparent()
            if depth_tag == "Header" and parent is not None and parent.getparent() is None:
                header = element
            elif depth_tag == "Child" and parent is not None and parent.tag == "Children":
                assert schema is not None
                value_error_count += _check(path, schema, element, value_errors)
                rows.child(element)
                children_seen += 1
                if children_seen % BATCH_CHILDREN == 0:
                    rows.flush()
                # Drop the child (and any earlier siblings) so memory holds one child at a time.
                element.clear(keep_tail=False)
                while element.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        uses_entities, reason = safe_xml.syntax_error(path, exc)
        raise (ForbiddenXML if uses_entities else NotXML)(path, reason) from None
    if "Children" not in envelope:
        raise SchemaFailure(path, "fails the CIN census XSD: <Message> has no <Children>")
    if children_seen == 0:
        raise SchemaFailure(path, "fails the CIN census XSD: <Children> holds no <Child>")
    assert year is not None
    if header is not None:
        values: dict[str, str | int | None] = {
            name: _text(header.find(f"CollectionDetails/{name}"))
            for name in ("Collection", "Year", "ReferenceDate")
        }
        source = header.find("Source")
        for name in ("SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime"):
            values[name] = None if source is None else _text(source.find(name))
        rows.add("Header", safe_xml.line_of(header), values)
    tables = rows.frames()
    if header is None:
        del tables["Header"]
    rows_are_lines = _rows_are_lines(tables)
    if not rows_are_lines:
        tables = _number_rows(tables)
    return ReturnCIN(
        tables=MappingProxyType(tables),
        year=year,
        files=MappingProxyType(dict.fromkeys(tables, str(path))),
        year_inferred=inferred,
        schema_value_errors=tuple(value_errors),
        schema_value_error_count=value_error_count,
        rows_are_lines=rows_are_lines,
    )
