"""Reading XML safely, with the line of every element: for draw.io files.

A small tree built from expat's events. A document type declaration (where
entity expansion bombs and external entities live) is refused outright, and
so is nesting deeper than `MAX_DEPTH` or more than `MAX_ELEMENTS` elements:
an XML file toc reads is data, never instructions to fetch or expand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.parsers import expat

from toc.errors import FileFormatError
from toc.findings import Finding

__all__ = ["MAX_DEPTH", "MAX_ELEMENTS", "Element", "parse_xml"]

MAX_DEPTH = 64
"""Deepest nesting of elements read."""

MAX_ELEMENTS = 2_000_000
"""Most elements read from one file."""


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


class _Refused(Exception):
    def __init__(self, message: str, hint: str) -> None:
        self.message = message
        self.hint = hint


def parse_xml(data: bytes, file: str, *, where: str = "") -> Element:
    """The root element of an XML text; a located `FileFormatError` when it is broken.

    ``where`` is added to messages (``in the compressed diagram``).

    >>> root = parse_xml(b'<a x="1"><b>hi</b></a>', "t.xml")
    >>> root.tag, root.attrs, root.children[0].text, root.children[0].line
    ('a', {'x': '1'}, 'hi', 1)
    """
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[Element] = []
    root: list[Element] = []
    count = 0

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal count
        count += 1
        if count > MAX_ELEMENTS:
            raise _Refused(
                f"the file has more than {MAX_ELEMENTS:,} XML elements", "split the drawing"
            )
        if len(stack) >= MAX_DEPTH:
            raise _Refused(
                f"the XML is nested more than {MAX_DEPTH} levels deep",
                "this is not a drawing toc can read",
            )
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

    def doctype(*_: object) -> None:
        raise _Refused(
            "the file declares a document type (DTD), which toc never reads",
            "save the drawing again from diagrams.net",
        )

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    try:
        parser.Parse(data, True)
    except _Refused as refused:
        raise FileFormatError(
            [
                Finding(
                    refused.message + where,
                    hint=refused.hint,
                    file=file,
                    line=parser.CurrentLineNumber,
                    column=parser.CurrentColumnNumber + 1,
                )
            ]
        ) from None
    except expat.ExpatError as err:
        raise FileFormatError(
            [
                Finding(
                    f"broken XML{where}: {expat.ErrorString(err.code)}",
                    hint="the file is not a whole draw.io drawing; save it again",
                    file=file,
                    line=err.lineno,
                    column=err.offset + 1,
                )
            ]
        ) from None
    if not root:
        raise FileFormatError([Finding("the file holds no XML", file=file, line=1)])
    return root[0]
