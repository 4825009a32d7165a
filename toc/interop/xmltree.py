"""Reading XML safely: the one guard every XML file or part toc reads goes through.

`guarded_parser` makes the expat parser everything starts from: a document
type declaration (where entity expansion bombs and external entities live)
is refused outright. Whoever reads with it refuses nesting deeper than
`MAX_DEPTH` with `refuse` (the rule is `too_deep`); `scan_xml` reads a
stream through it to its end in bounded memory, refusing a DTD, too deep a
nesting and more than a given number of elements. `parse_xml` builds a small
tree with the line of every element (for draw.io files), at most
`MAX_ELEMENTS` of them. An XML file toc reads is data, never instructions to
fetch or expand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO, Any, Literal
from xml.parsers import expat

from toc.errors import FileFormatError
from toc.findings import Finding
from toc.i18n import text
from toc.interop.common import count, worded

__all__ = [
    "MAX_DEPTH",
    "MAX_ELEMENTS",
    "Element",
    "XmlRefused",
    "guarded_parser",
    "parse_xml",
    "refuse",
    "scan_xml",
    "too_deep",
]

MAX_DEPTH = 64
"""Deepest nesting of elements read."""

MAX_ELEMENTS = 2_000_000
"""Most elements read from one file (or one part of a workbook) as a tree."""

_CHUNK = 1 << 16


class XmlRefused(Exception):
    """XML toc does not read: what is wrong with it, and the line and column where."""

    def __init__(self, what: Literal["dtd", "depth", "elements"], line: int, column: int) -> None:
        super().__init__(what)
        self.what = what
        self.line = line
        self.column = column


def refuse(parser: Any, what: Literal["dtd", "depth", "elements"]) -> XmlRefused:
    """The refusal of what the parser has just met, where it met it (column from 1)."""
    return XmlRefused(what, parser.CurrentLineNumber, parser.CurrentColumnNumber + 1)


def too_deep(depth: int) -> bool:
    """Whether an element opened inside ``depth`` others is nested too deep.

    >>> too_deep(0), too_deep(MAX_DEPTH - 1), too_deep(MAX_DEPTH)
    (False, False, True)
    """
    return depth >= MAX_DEPTH


def guarded_parser(*, namespaces: bool = False) -> Any:
    """An expat parser that raises `XmlRefused` at a document type declaration.

    ``namespaces``: tags come as ``namespace tag`` (a space between).

    >>> guarded_parser().Parse(b'<!DOCTYPE a [<!ENTITY x "x">]><a>&x;</a>', True)
    Traceback (most recent call last):
    ...
    toc.interop.xmltree.XmlRefused: dtd
    """
    parser = expat.ParserCreate(namespace_separator=" " if namespaces else None)
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def doctype(*_: object) -> None:
        raise refuse(parser, "dtd")

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    return parser


def scan_xml(source: IO[bytes], *, max_elements: int = MAX_ELEMENTS) -> None:
    """Read an XML stream to its end without keeping it, through `guarded_parser`.

    Raises `XmlRefused` for a DTD, nesting deeper than `MAX_DEPTH` or more
    than ``max_elements`` elements, and `xml.parsers.expat.ExpatError` for
    broken XML. Memory stays bounded whatever the stream holds.

    >>> import io
    >>> scan_xml(io.BytesIO(b"<a>" * 65))
    Traceback (most recent call last):
    ...
    toc.interop.xmltree.XmlRefused: depth
    """
    parser = guarded_parser()
    depth = elements = 0

    def start(tag: str, attrs: Any) -> None:
        nonlocal depth, elements
        if too_deep(depth):
            raise refuse(parser, "depth")
        elements += 1
        if elements > max_elements:
            raise refuse(parser, "elements")
        depth += 1

    def end(tag: str) -> None:
        nonlocal depth
        depth -= 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    while chunk := source.read(_CHUNK):
        parser.Parse(chunk, False)
    parser.Parse(b"", True)


@dataclass
class Element:
    """One XML element: its tag, attributes, children, text and line."""

    tag: str
    attrs: dict[str, str]
    line: int
    children: list[Element] = field(default_factory=list)
    text: str = ""

    def find(self, tag: str) -> Element | None:
        """The first child with this tag, or None."""
        for child in self.children:
            if child.tag == tag:
                return child
        return None


_DRAWIO: dict[str, tuple[str, str, dict[str, Any]]] = {
    "dtd": ("interop.drawio.dtd", "interop.drawio.dtd.hint", {}),
    "depth": ("interop.drawio.depth", "interop.drawio.not_drawing.hint", {"limit": MAX_DEPTH}),
    "elements": ("interop.drawio.elements", "interop.drawio.elements.hint", {}),
}
"""A refusal as a draw.io file's problem: catalogue key, hint key, fields."""


def parse_xml(data: bytes, file: str, *, compressed: bool = False, language: str = "en") -> Element:
    """The root element of an XML text; a located `FileFormatError` when it is broken.

    Problems are said in ``language``, of the compressed diagram inside a
    draw.io file when ``compressed``.

    >>> root = parse_xml(b'<a x="1"><b>hi</b></a>', "t.xml")
    >>> root.tag, root.attrs, root.children[0].text, root.children[0].line
    ('a', {'x': '1'}, 'hi', 1)
    """
    parser = guarded_parser()
    stack: list[Element] = []
    root: list[Element] = []
    elements = 0

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal elements
        elements += 1
        if elements > MAX_ELEMENTS:
            raise refuse(parser, "elements")
        if too_deep(len(stack)):
            raise refuse(parser, "depth")
        element = Element(tag, attrs, parser.CurrentLineNumber)
        if stack:
            stack[-1].children.append(element)
        else:
            root.append(element)
        stack.append(element)

    def end(tag: str) -> None:
        stack.pop()

    def characters(text: str) -> None:
        if stack:
            stack[-1].text += text

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    try:
        parser.Parse(data, True)
    except XmlRefused as refused:
        key, hint_key, fields = _DRAWIO[refused.what]
        if refused.what == "elements":
            fields = {"limit": count(MAX_ELEMENTS, language)}
        said, hint = worded(key, language, hint_key, **fields)
        if compressed:
            said = text("interop.drawio.in_compressed", language, message=said)
        raise FileFormatError(
            [Finding(said, hint=hint, file=file, line=refused.line, column=refused.column)]
        ) from None
    except expat.ExpatError as err:
        message, hint = worded(
            "interop.drawio.broken_compressed" if compressed else "interop.drawio.broken",
            language,
            "interop.drawio.broken.hint",
            error=expat.ErrorString(err.code),
        )
        raise FileFormatError(
            [
                Finding(
                    message,
                    hint=hint,
                    file=file,
                    line=err.lineno,
                    column=err.offset + 1,
                )
            ]
        ) from None
    if not root:
        raise FileFormatError([Finding(text("interop.drawio.no_xml", language), file=file, line=1)])
    return root[0]
