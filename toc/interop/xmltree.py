"""Reading XML safely, with the line of every element: for draw.io files.

A small tree built from expat's events. A document type declaration (where
entity expansion bombs and external entities live) is refused outright, and
so is nesting deeper than `MAX_DEPTH` or more than `MAX_ELEMENTS` elements:
an XML file toc reads is data, never instructions to fetch or expand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from xml.parsers import expat

from toc.errors import FileFormatError
from toc.findings import Finding
from toc.i18n import text
from toc.interop.common import count, worded

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
    """A catalogue key, its hint's key and its fields."""

    def __init__(self, key: str, hint: str, **fields: Any) -> None:
        self.key = key
        self.hint = hint
        self.fields = fields


def parse_xml(data: bytes, file: str, *, compressed: bool = False, language: str = "en") -> Element:
    """The root element of an XML text; a located `FileFormatError` when it is broken.

    Problems are said in ``language``, of the compressed diagram inside a
    draw.io file when ``compressed``.

    >>> root = parse_xml(b'<a x="1"><b>hi</b></a>', "t.xml")
    >>> root.tag, root.attrs, root.children[0].text, root.children[0].line
    ('a', {'x': '1'}, 'hi', 1)
    """
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[Element] = []
    root: list[Element] = []
    elements = 0

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal elements
        elements += 1
        if elements > MAX_ELEMENTS:
            raise _Refused(
                "interop.drawio.elements",
                "interop.drawio.elements.hint",
                limit=count(MAX_ELEMENTS, language),
            )
        if len(stack) >= MAX_DEPTH:
            raise _Refused(
                "interop.drawio.depth", "interop.drawio.not_drawing.hint", limit=MAX_DEPTH
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
        raise _Refused("interop.drawio.dtd", "interop.drawio.dtd.hint")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    try:
        parser.Parse(data, True)
    except _Refused as refused:
        message, hint = worded(refused.key, language, refused.hint, **refused.fields)
        if compressed:
            message = text("interop.drawio.in_compressed", language, message=message)
        raise FileFormatError(
            [
                Finding(
                    message,
                    hint=hint,
                    file=file,
                    line=parser.CurrentLineNumber,
                    column=parser.CurrentColumnNumber + 1,
                )
            ]
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
