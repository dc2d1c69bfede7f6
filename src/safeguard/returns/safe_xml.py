"""Parse a return's XML file safely and say plainly why a file could not be parsed.

Every XML return (the CIN census, the SSDA903 XML) is a file a user gives us, so it may be hostile.
`iterparse` streams it with lxml so memory holds what the caller keeps, never the document;
entities are never resolved, no DTD is loaded, the network is never used, and libxml2's limits for
huge documents stay on. A reader must still refuse a DOCTYPE when the root element starts
(`has_doctype`): no return has one, and a DOCTYPE is how entity bombs and external entities come.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Final

from lxml import etree

# libxml2 schema errors about a value (facets and datatypes) rather than the tree's shape.
VALUE_ERRORS: Final = (
    "ENUMERATION",
    "PATTERN",
    "DATATYPE",
    "LENGTH",
    "INCLUSIVE",
    "EXCLUSIVE",
    "DIGITS",
)


def iterparse(path: Path) -> Iterator[tuple[str, etree._Element]]:
    """Stream `path`'s start and end events with every unsafe feature of the parser off."""
    etree.clear_error_log()  # so the errors reported are this file's, not an earlier parse's
    return etree.iterparse(  # type: ignore[no-any-return]
        str(path),
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def has_doctype(root: etree._Element) -> bool:
    """Whether the document whose root element is `root` declares a DOCTYPE."""
    return bool(root.getroottree().docinfo.doctype)


def syntax_error(path: Path, exc: etree.XMLSyntaxError) -> tuple[bool, str]:
    """(uses entities, reason) for a file the parser refused, from the parser's first logged
    error, which says more than the exception ("no element found") and carries the line."""
    logged = [
        e
        for e in exc.error_log
        if e.level >= etree.ErrorLevels.ERROR and e.filename in {str(path), None, "<string>"}
    ]
    first = logged[0] if logged else None
    message = (first.message if first else str(exc.msg or exc)).strip()
    where = f"line {first.line}: " if first and first.line else ""
    if first is not None and "ENTITY" in first.type_name:
        return True, f"uses XML entities, which are refused ({where}{message})"
    return False, f"is not well-formed XML ({where}{message})"


_BIG_LINE: Final = 65535


def line_of(element: etree._Element) -> int:
    """The line where `element` starts, also past line 65,534.

    libxml2 keeps a node's line in 16 bits; past that it reports, for an element, the line of its
    first child node (else of the node after it), and for a text node the line where that text
    ends. So an element followed by a newline and indentation is reported a line late (once per
    newline). This follows the same path and takes those newlines off. Text in one piece is
    assumed, which libxml2's push parser gives (it reads character data up to the next '<').
    """
    line = element.sourceline or 0
    if line < _BIG_LINE:
        return line
    node = element
    while True:
        text: str | None = node.text
        if text is not None:  # the first child node is text
            return line - text.count("\n")
        if len(node):  # the first child node is an element: libxml2 asks it
            node = node[0]
            continue
        tail: str | None = node.tail
        if tail is not None:  # no children: the text after the element
            return line - tail.count("\n")
        return line  # an element after it on the same line: its line is this one's


def is_value_error(error: etree._LogEntry) -> bool:
    """Whether a schema error is about a value (a code, a length, a date's form), which the
    return's rules report, rather than about the tree's shape, which makes the file unusable."""
    return any(marker in error.type_name for marker in VALUE_ERRORS)
